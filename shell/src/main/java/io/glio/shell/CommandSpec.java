package io.glio.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node command with a Python-like signature, checked the way configshell's
 * {@code assert_params} checks a {@code ui_command_*} method: e.g.
 * {@code create name file_or_dev size=None write_back=True}, {@code get group=None *parameter},
 * {@code set group=None **parameter}.
 */
public record CommandSpec(String name, List<String> params, int required, Map<String, String> defaults,
                          String varargs, String varkw, String description, Handler handler) {

    /** What a command does with its checked arguments; returns null or a {@link Outcome}. */
    @FunctionalInterface
    public interface Handler {
        Outcome run(Args args);
    }

    /** What the shell does after a command: move to another node or leave. */
    public sealed interface Outcome {
        record Cd(String path) implements Outcome {
        }

        record Exit() implements Outcome {
        }
    }

    public static final Outcome EXIT = new Outcome.Exit();

    public static CommandSpec of(String signature, String description, Handler handler) {
        String[] words = signature.trim().split("\\s+");
        List<String> params = new ArrayList<>();
        Map<String, String> defaults = new LinkedHashMap<>();
        int required = 0;
        String varargs = null;
        String varkw = null;
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            if (w.startsWith("**")) {
                varkw = w.substring(2);
            } else if (w.startsWith("*")) {
                varargs = w.substring(1);
            } else if (w.contains("=")) {
                String n = w.substring(0, w.indexOf('='));
                params.add(n);
                defaults.put(n, w.substring(w.indexOf('=') + 1));
            } else {
                params.add(w);
                required++;
            }
        }
        return new CommandSpec(words[0], List.copyOf(params), required, defaults, varargs, varkw,
                description, handler);
    }

    /** {@code help}'s syntax line: {@code create name file_or_dev [size] [wwn] } (trailing space). */
    public String syntax() {
        StringBuilder sb = new StringBuilder(name).append(' ');
        for (int i = 0; i < params.size(); i++) {
            sb.append(i < required ? params.get(i) : "[" + params.get(i) + "]").append(' ');
        }
        if (varargs != null) {
            sb.append('[').append(varargs).append("...] ");
        }
        if (varkw != null) {
            sb.append('[').append(varkw).append("=value...] ");
        }
        return sb.toString();
    }

    /** configshell's {@code assert_params}, then the binding of values to names. */
    public Args bind(List<String> positional, Map<String, String> keywords) {
        List<String> optional = params.subList(required, params.size());
        List<String> unexpected = keywords.keySet().stream().filter(k -> !params.contains(k)).sorted().toList();
        List<String> missing = params.subList(Math.min(positional.size(), params.size()), params.size()).stream()
                .filter(p -> !optional.contains(p) && !keywords.containsKey(p)).sorted().toList();
        if (missing.size() == 1) {
            throw new ShellException("Missing required parameter " + missing.get(0));
        } else if (!missing.isEmpty()) {
            throw new ShellException("Missing required parameters "
                    + String.join(", ", missing.stream().map(m -> "'" + m + "'").toList()));
        }
        if (varkw == null && !unexpected.isEmpty()) {
            throw new ShellException(unexpected.size() == 1
                    ? "Unexpected keyword parameter '" + unexpected.get(0) + "'."
                    : "Unexpected keyword parameters "
                    + String.join(", ", unexpected.stream().map(m -> "'" + m + "'").toList()) + ".");
        }
        List<String> all = new ArrayList<>(params.subList(0, Math.min(positional.size(), params.size())));
        all.addAll(keywords.keySet());
        for (String p : all) {
            if (all.indexOf(p) != all.lastIndexOf(p)) {
                throw new ShellException("Duplicate parameter " + p + ".");
            }
        }
        long standard = positional.size() + keywords.keySet().stream().filter(params::contains).count();
        if (optional.isEmpty() && standard != required && varargs == null) {
            throw new ShellException("Got " + standard + " positionnal parameters, expected exactly "
                    + required + ".");
        }
        if (standard > params.size() && varargs == null) {
            throw new ShellException("Got " + standard + " positionnal parameters, expected at most "
                    + params.size() + ".");
        }
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(positional.size(), params.size()); i++) {
            named.put(params.get(i), positional.get(i));
        }
        Map<String, String> extraKw = new LinkedHashMap<>();
        keywords.forEach((k, v) -> {
            if (params.contains(k)) {
                named.put(k, v);
            } else {
                extraKw.put(k, v);
            }
        });
        List<String> extra = positional.size() > params.size()
                ? List.copyOf(positional.subList(params.size(), positional.size())) : List.of();
        return new Args(named, extra, extraKw);
    }

    /** Bound arguments: a name's value, or null when it was not given. */
    public record Args(Map<String, String> named, List<String> extra, Map<String, String> extraKeywords) {
        public String get(String name) {
            return named.get(name);
        }

        public String get(String name, String fallback) {
            return named.getOrDefault(name, fallback);
        }
    }
}
