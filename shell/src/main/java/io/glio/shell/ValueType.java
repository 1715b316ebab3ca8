package io.glio.shell;

import java.util.List;
import java.util.Locale;

/**
 * configshell's parameter types ({@code ui_type_*}): how a typed value is checked on {@code set}
 * and how a stored value is shown again. A check failure is configshell's own text.
 */
public enum ValueType {
    BOOL("bool"),
    NUMBER("number"),
    STRING("string"),
    YESNO("yesno"),
    LOGLEVEL("loglevel"),
    COLOR("color"),
    COLORDEFAULT("colordefault");

    static final List<String> LOGLEVELS = List.of("critical", "error", "warning", "info", "verbose", "debug");
    static final List<String> COLORS = List.of("black", "red", "green", "yellow", "blue", "magenta", "cyan", "white");

    private final String label;

    ValueType(String label) {
        this.label = label;
    }

    /** The name {@code set GROUP} shows ({@code name=bool}). */
    public String label() {
        return label;
    }

    /**
     * Checks and canonicalises a typed value: the text that is stored or written.
     *
     * @throws ShellException {@code Syntax error, 'x' is not ...}
     */
    public String check(String value) {
        switch (this) {
            case BOOL -> {
                String v = value.toLowerCase(Locale.ROOT);
                if (!v.equals("true") && !v.equals("false")) {
                    throw syntax(value, "true|false.");
                }
                return v;
            }
            case NUMBER -> {
                if (value.isEmpty()) {
                    return "";
                }
                try {
                    return Long.toString(Long.parseLong(value));
                } catch (NumberFormatException e) {
                    throw syntax(value, "a NUMBER.");
                }
            }
            case YESNO -> {
                if (!value.equals("Yes") && !value.equals("No")) {
                    throw syntax(value, "Yes|No.");
                }
                return value;
            }
            case LOGLEVEL -> {
                if (!LOGLEVELS.contains(value)) {
                    throw syntax(value, String.join("|", LOGLEVELS));
                }
                return value;
            }
            case COLOR, COLORDEFAULT -> {
                List<String> allowed = choices();
                if (!allowed.contains(value)) {
                    throw syntax(value, String.join("|", allowed));
                }
                return value;
            }
            default -> {
                return value;
            }
        }
    }

    /** Values offered by tab completion, empty when not enumerable. */
    public List<String> choices() {
        return switch (this) {
            case BOOL -> List.of("true", "false");
            case YESNO -> List.of("Yes", "No");
            case LOGLEVEL -> LOGLEVELS;
            case COLOR -> {
                List<String> l = new java.util.ArrayList<>(COLORS);
                l.add("default");
                yield l;
            }
            case COLORDEFAULT -> {
                List<String> l = new java.util.ArrayList<>(COLORS);
                l.add("none");
                yield l;
            }
            default -> List.of();
        };
    }

    private static ShellException syntax(String value, String expected) {
        return new ShellException("Syntax error, '" + value + "' is not " + expected);
    }
}
