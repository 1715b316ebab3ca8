package io.glio.shell;

import io.glio.shell.CommandSpec.Outcome;
import io.glio.shell.node.UiNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The commands every node has ({@code ls cd pwd bookmarks get set help status refresh exit})
 * and the {@code global} preference group.
 */
public final class GlobalCommands {

    /** configshell's introduction to {@code help}. */
    private static final String HELP_INTRO = """

            GENERALITIES
            ============
            This is a shell in which you can create, delete and configure
            configuration objects.

            The available commands depend on the current path or target
            path you want to run a command in: different path have
            different sets of available commands, i.e. a path pointing at
            an iSCSI target will not have the same available commands as,
            say, a path pointing at a storage object.

            The prompt that starts each command line indicates your
            current path. Alternatively (useful if the prompt displays
            an abbreviated path to save space), you can run the
            `pwd` command to display the complete current path.

            Navigating the tree is done using the `cd` command. Without
            any argument, `cd` presents you with the full objects
            tree. Just use arrows to select the destination path, and
            enter will get you there. Please try `help cd` for navigation
            tips.

            COMMAND SYNTAX
            ==============
            Commands are built using the following syntax:

            [TARGET_PATH] COMMAND_NAME [OPTIONS]

            TARGET_PATH indicates the path to run the command from.
            If omitted, the command is run from your current path.

            OPTIONS depend on the command. Please use `help` to
            get more information.
            """;

    private final Shell shell;

    GlobalCommands(Shell shell) {
        this.shell = shell;
    }

    public void addTo(UiNode node, List<CommandSpec> list) {
        list.add(CommandSpec.of("bookmarks action bookmark=None",
                "Manage your bookmarks: add, del, go or show.", a -> bookmarks(node, a.get("action"), a.get("bookmark"))));
        list.add(CommandSpec.of("cd path=None", "Change current path to path.", a -> cd(node, a.get("path"))));
        list.add(CommandSpec.of("exit", "Exits the command line interface.", a -> CommandSpec.EXIT));
        list.add(CommandSpec.of("get group=None *parameter",
                "Gets the value of one or more configuration parameters in the given group.",
                a -> { new GroupCommands(shell, node).get(a.get("group"), a.extra()); return null; }));
        list.add(CommandSpec.of("help topic=None", "Displays the manual page for a topic, or list available topics.",
                a -> { help(node, a.get("topic")); return null; }));
        list.add(CommandSpec.of("ls path=None depth=None", "Display either the nodes tree relative to path or to the current node.",
                a -> { ls(node, a.get("path"), a.get("depth")); return null; }));
        list.add(CommandSpec.of("pwd", "Displays the current path.", a -> {
            shell.console().display(node.path());
            return null;
        }));
        list.add(CommandSpec.of("refresh", "Refreshes and updates the objects tree from the current path.", a -> null));
        list.add(CommandSpec.of("set group=None **parameter",
                "Sets one or more configuration parameters in the given group.",
                a -> { new GroupCommands(shell, node).set(a.get("group"), a.extraKeywords()); return null; }));
        list.add(CommandSpec.of("status", "Displays the current node's status summary.", a -> {
            shell.console().display("Status for " + node.path() + ": " + node.summary().text());
            return null;
        }));
    }

    private void ls(UiNode node, String path, String depthText) {
        UiNode target = shell.resolve(node, path);
        Integer depth = lsDepth(depthText);
        List<String> lines;
        // One consistent picture while an engine thread may be changing runtime status.
        synchronized (shell.model()) {
            lines = new TreeRenderer(shell.prefs(), shell.console().width(), shell.console().colors())
                    .render(target, depth);
        }
        shell.console().display(String.join("\n", lines));
    }

    /** {@code ls}'s depth argument: the tree_max_depth preference when absent; null for "all" (0). */
    Integer lsDepth(String given) {
        String d = given == null ? shell.prefs().get("tree_max_depth") : given;
        int depth;
        try {
            depth = Integer.parseInt(d.strip());
        } catch (NumberFormatException e) {
            throw new ShellException("The tree depth must be a number.");
        }
        return depth == 0 ? null : depth;
    }

    Outcome cd(UiNode node, String path) {
        Prefs prefs = shell.prefs();
        List<String> history = prefs.pathHistory();
        if (history.isEmpty()) {
            history.add(node.path());
            prefs.setHistoryIndex(0);
        }
        if (path == null) {
            // On a terminal InteractiveShell opens the tree picker before the line gets here;
            // without one (piped, one-shot) the tree is what there is to pick from.
            ls(node, "/", null);
            return null;
        }
        if (path.equals("<") || path.equals(">")) {
            return walkHistory(node, path.equals("<"));
        }
        return cdTo(node, path);
    }

    /** {@code cd path}: moves there and records it in the path history. */
    Outcome cdTo(UiNode from, String path) {
        Prefs prefs = shell.prefs();
        UiNode target = shell.resolve(from, path);
        List<String> history = prefs.pathHistory();
        if (history.isEmpty()) {
            history.add(from.path());
            prefs.setHistoryIndex(0);
        }
        int index = Math.min(prefs.historyIndex(), history.size() - 1);
        if (!target.path().equals(history.get(index))) {
            while (history.size() > index + 1) {
                history.remove(history.size() - 1);
            }
            history.add(target.path());
            prefs.setHistoryIndex(index + 1);
        }
        prefs.save();
        return new Outcome.Cd(target.path());
    }

    private Outcome walkHistory(UiNode node, boolean back) {
        Prefs prefs = shell.prefs();
        List<String> history = prefs.pathHistory();
        int index = prefs.historyIndex();
        if (back && index == 0) {
            shell.console().info("Reached begining of path history.");
            return null;
        }
        if (!back && index == history.size() - 1) {
            shell.console().info("Reached the end of path history.");
            return null;
        }
        String path;
        while (true) {
            if (back && index > 0) {
                index--;
            } else if (!back && index < history.size() - 1) {
                index++;
            } else if (back) {
                index = 0;
                history.set(0, "/");
                path = "/";
                break;
            } else {
                path = node.path();
                history.add(path);
                index = history.size() - 1;
                break;
            }
            try {
                shell.resolve(node, history.get(index));
                path = history.get(index);
                break;
            } catch (ShellException e) {
                // vanished path: keep walking
            }
        }
        prefs.setHistoryIndex(index);
        prefs.save();
        shell.console().info("Taking you back to " + path + ".");
        return new Outcome.Cd(shell.resolve(node, path).path());
    }

    private Outcome bookmarks(UiNode node, String action, String name) {
        Map<String, String> marks = shell.prefs().bookmarks();
        Console con = shell.console();
        if (action.equals("add") && name != null) {
            if (marks.containsKey(name)) {
                throw new ShellException("Bookmark " + name + " already exists.");
            }
            marks.put(name, node.path());
            shell.prefs().save();
            con.info("Bookmarked " + node.path() + " as " + name + ".");
        } else if (action.equals("del") && name != null) {
            if (marks.remove(name) == null) {
                throw new ShellException("No such bookmark " + name + ".");
            }
            shell.prefs().save();
            con.info("Deleted bookmark " + name + ".");
        } else if (action.equals("go") && name != null) {
            if (!marks.containsKey(name)) {
                throw new ShellException("No such bookmark " + name + ".");
            }
            return cd(node, marks.get(name));
        } else if (action.equals("show")) {
            StringBuilder sb = new StringBuilder("\nBOOKMARKS\n=========\n\n");
            if (marks.isEmpty()) {
                sb.append("No bookmarks yet.\n");
            }
            marks.forEach((k, v) -> sb.append(k).append('\n').append("-".repeat(k.length())).append('\n')
                    .append(v).append("\n\n"));
            epyWrite(sb.toString());
        } else {
            throw new ShellException("Syntax error, see 'help bookmarks'.");
        }
        return null;
    }

    /** configshell's {@code epy_write}: the text less its final newline. */
    void epyWrite(String text) {
        shell.console().raw(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
    }

    private void help(UiNode node, String topic) {
        Map<String, CommandSpec> commands = node.commands();
        if (topic == null) {
            StringBuilder sb = new StringBuilder();
            sb.append(HELP_INTRO).append("\n\nAVAILABLE COMMANDS\n==================\n")
                    .append("The following commands are available in the\ncurrent path:\n\n");
            commands.values().forEach(c -> sb.append("  - ").append(c.syntax()).append('\n'));
            epyWrite(sb.toString());
            return;
        }
        CommandSpec spec = commands.get(topic);
        if (spec == null) {
            throw new ShellException("Cannot find help topic " + topic + ".");
        }
        epyWrite(new HelpPage(node.getClass().getSimpleName(), spec).render());
    }

    /** The {@code global} group: targetcli's preferences. */
    ConfigGroup globalGroup() {
        List<ConfigParam> params = new ArrayList<>();
        for (Prefs.Def d : Prefs.GLOBALS) {
            params.add(new ConfigParam(d.name(), d.type(), true, d.description(),
                    () -> shownPref(d), v -> shell.prefs().set(d.name(), v.isEmpty() && d.type() != ValueType.STRING ? d.defaultValue() : v)));
        }
        return new ConfigGroup("global", params);
    }

    private String shownPref(Prefs.Def d) {
        String v = shell.prefs().get(d.name());
        return v == null ? "None" : v;
    }
}
