package io.glio.shell;

import io.glio.shell.node.UiNode;
import java.util.List;
import java.util.Map;

/** {@code get} and {@code set} on a node's configuration groups, with configshell's texts. */
final class GroupCommands {

    private final Shell shell;
    private final UiNode node;

    GroupCommands(Shell shell, UiNode node) {
        this.shell = shell;
        this.node = node;
    }

    void get(String groupName, List<String> names) {
        if (groupName == null) {
            listGroups();
            return;
        }
        ConfigGroup group = group(groupName);
        if (names.isEmpty()) {
            StringBuilder sb = header(group);
            for (ConfigParam p : group.params()) {
                String line = p.name() + "=" + p.getter().get() + (p.writable() ? "" : " [ro]");
                sb.append(line).append('\n').append("-".repeat(line.length())).append('\n')
                        .append(p.description()).append("\n\n");
            }
            shell.globalCommands().epyWrite(sb.append('\n').toString());
            return;
        }
        for (String n : names) {
            ConfigParam p = param(group, n);
            shell.console().display(n + "=" + p.getter().get() + " " + (p.writable() ? "" : "[ro]"));
        }
    }

    void set(String groupName, Map<String, String> values) {
        if (groupName == null) {
            listGroups();
            return;
        }
        ConfigGroup group = group(groupName);
        if (values.isEmpty()) {
            StringBuilder sb = header(group);
            for (ConfigParam p : group.params()) {
                if (p.writable()) {
                    String line = p.name() + "=" + p.type().label();
                    sb.append(line).append('\n').append("-".repeat(line.length())).append('\n')
                            .append(p.description()).append("\n\n");
                }
            }
            shell.globalCommands().epyWrite(sb.append('\n').toString());
            return;
        }
        for (var e : values.entrySet()) {
            ConfigParam p = group.param(e.getKey()).orElseThrow(() -> new ShellException(
                    "Unknown parameter " + e.getKey() + " in group '" + groupName + "'."));
            if (!p.writable()) {
                throw new ShellException("Parameter " + p.name() + " is read-only.");
            }
            String value;
            try {
                value = p.type().check(e.getValue());
            } catch (ShellException ex) {
                throw new ShellException("Not setting " + p.name() + "! " + ex.getMessage());
            }
            p.setter().accept(value);
            shell.console().display("Parameter " + p.name() + " is now '" + p.getter().get() + "'.");
        }
    }

    private void listGroups() {
        StringBuilder sb = new StringBuilder("\nAVAILABLE CONFIGURATION GROUPS\n==============================\n");
        sb.append(String.join(" ", node.configGroups().stream().map(ConfigGroup::name).toList())).append('\n');
        shell.globalCommands().epyWrite(sb.toString());
    }

    private StringBuilder header(ConfigGroup group) {
        String section = group.name().toUpperCase(java.util.Locale.ROOT) + " CONFIG GROUP";
        return new StringBuilder(section).append('\n').append("=".repeat(section.length())).append('\n');
    }

    private ConfigGroup group(String name) {
        return group(node, name);
    }

    static ConfigGroup group(UiNode node, String name) {
        return node.configGroups().stream().filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow(() -> new ShellException("Unknown configuration group: " + name));
    }

    /** {@code get}'s lookup of one parameter, with configshell's message for a missing one. */
    static ConfigParam param(ConfigGroup group, String name) {
        return group.param(name).orElseThrow(() -> new ShellException(
                "No parameter '" + name + "' in group '" + group.name() + "'."));
    }
}
