package io.glio.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code help <command>}: configshell's page layout (SYNTAX, DEFAULT VALUES, DESCRIPTION), then
 * every parameter of the {@link CommandSpec} with its type, default and meaning, examples made
 * from the signature and sample values, and related commands. Everything comes from the spec the
 * parser checks arguments with and from {@link CommandDocs}, which the man page reads too, so
 * the page cannot name a parameter the command does not take or miss one it does.
 */
final class HelpPage {

    private final String nodeKind;
    private final CommandSpec spec;

    /** {@code nodeKind}: the node's class name, for parameters that mean something else there. */
    HelpPage(String nodeKind, CommandSpec spec) {
        this.nodeKind = nodeKind;
        this.spec = spec;
    }

    String render() {
        StringBuilder sb = new StringBuilder("\nSYNTAX\n======\n").append(spec.syntax()).append("\n\n");
        List<String> defaults = new ArrayList<>();
        spec.defaults().forEach((k, v) -> {
            if (!v.equals("None")) {
                defaults.add(k + "=" + v + " ");
            }
        });
        if (!defaults.isEmpty()) {
            sb.append("\nDEFAULT VALUES\n==============\n").append(String.join("", defaults)).append("\n\n");
        }
        sb.append("\nDESCRIPTION\n===========\n\n").append(spec.description()).append("\n\n");
        Map<String, String> entries = parameters();
        if (!entries.isEmpty()) {
            sb.append("PARAMETERS\n==========\n\n");
            entries.forEach((name, text) -> sb.append(name).append('\n').append("-".repeat(name.length())).append('\n')
                    .append(text).append("\n\n"));
        }
        sb.append("EXAMPLES\n========\n");
        examples().forEach(e -> sb.append("    ").append(e).append('\n'));
        sb.append("\nSEE ALSO\n========\n").append(String.join(" ", CommandDocs.seeAlso(spec.name()))).append("\n\n");
        return sb.toString();
    }

    /** Each parameter's block: what it does, then its type and default. */
    Map<String, String> parameters() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < spec.params().size(); i++) {
            String name = spec.params().get(i);
            CommandDocs.Param p = doc(name);
            String given = spec.defaults().get(name);
            String dflt = i < spec.required() ? "none, required"
                    : given == null || given.equals("None") || given.isEmpty() ? "none" : given;
            out.put(name, p.text() + "\nType: " + p.type() + ". Default: " + dflt + ".");
        }
        for (String rest : new String[] {spec.varargs(), spec.varkw()}) {
            if (rest != null) {
                CommandDocs.Param p = doc(rest);
                out.put(rest, p.text() + "\nType: " + p.type() + ", any number. Default: none.");
            }
        }
        CommandDocs.flags(spec.name()).forEach((flag, text) -> out.put(flag, text + "\nType: flag. Default: off."));
        return out;
    }

    private CommandDocs.Param doc(String name) {
        return CommandDocs.param(nodeKind, spec.name(), name);
    }

    /** The required parameters with sample values; then with the first optional one by keyword; then each flag. */
    List<String> examples() {
        StringBuilder base = new StringBuilder(spec.name());
        for (int i = 0; i < spec.required(); i++) {
            base.append(' ').append(doc(spec.params().get(i)).sample());
        }
        List<String> out = new ArrayList<>(List.of(base.toString()));
        if (spec.params().size() > spec.required()) {
            String first = spec.params().get(spec.required());
            out.add(base + " " + first + "=" + doc(first).sample());
        }
        if (spec.varargs() != null) {
            out.add(base + " " + doc(spec.varargs()).sample());
        }
        if (spec.varkw() != null) {
            out.add(base + " " + doc(spec.varkw()).sample());
        }
        CommandDocs.flags(spec.name()).keySet().forEach(f -> out.add(base + " " + f));
        return out;
    }
}
