package io.glio.shell;

import java.io.PrintStream;

/**
 * Where the shell writes: info and warnings to stdout, errors to stderr, filtered by
 * {@code loglevel_console} and, with {@code color_mode=false}, prefixed {@code Info: },
 * {@code Warning: }, {@code Error: } as configshell's log does. With colour on a terminal the
 * message is coloured instead.
 */
public final class Console {

    private final PrintStream out;
    private final PrintStream err;
    private final Prefs prefs;
    private final boolean terminal;
    private final java.util.function.IntSupplier width;

    public Console(PrintStream out, PrintStream err, Prefs prefs, boolean terminal, int width) {
        this(out, err, prefs, terminal, () -> width);
    }

    /** A console whose width is read at each use (a terminal that may be resized). */
    public Console(PrintStream out, PrintStream err, Prefs prefs, boolean terminal, java.util.function.IntSupplier width) {
        this.out = out;
        this.err = err;
        this.prefs = prefs;
        this.terminal = terminal;
        this.width = width;
    }

    /** Output width for {@code ls}: the terminal's, capped at 132; 132 when not a terminal. */
    public int width() {
        int w = width.getAsInt();
        return terminal && w > 0 ? Math.min(w, 132) : 132;
    }

    public boolean terminal() {
        return terminal;
    }

    /** Whether output gets ANSI colours: a terminal with {@code color_mode} on. */
    public boolean colors() {
        return terminal && prefs.bool("color_mode");
    }

    public void info(String message) {
        log(3, "Info: ", "32", message);
    }

    public void warning(String message) {
        log(2, "Warning: ", "33", message);
    }

    public void error(String message) {
        log(1, "Error: ", "31", message);
    }

    /** A line of command output (listings, values), always shown. */
    public void display(String text) {
        out.print(text);
        out.print('\n');
        out.flush();
    }

    /** Text without a final newline added (prompts, listings that end without one). */
    public void raw(String text) {
        out.print(text);
        out.flush();
    }

    private void log(int level, String prefix, String color, String message) {
        if (level > ValueType.LOGLEVELS.indexOf(prefs.get("loglevel_console"))) {
            return;
        }
        PrintStream to = level <= 1 ? err : out;
        String text;
        if (!prefs.bool("color_mode")) {
            text = prefix + message;
        } else if (terminal) {
            text = "\u001b[" + color + "m" + message + "\u001b[0m";
        } else {
            text = message;
        }
        out.flush();
        to.print(text);
        to.print('\n');
        to.flush();
    }
}
