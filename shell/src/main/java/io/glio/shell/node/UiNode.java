package io.glio.shell.node;

import io.glio.shell.CommandSpec;
import io.glio.shell.ConfigGroup;
import io.glio.shell.Shell;
import io.glio.shell.Summary;
import io.glio.engine.model.TargetModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node of the shell tree. Nodes are cheap views made afresh from the model whenever a path is
 * resolved, so the tree never needs a rescan: what {@code ls} shows is what the model holds.
 */
public abstract class UiNode {

    private static final Pattern TRAILING_NUMBER = Pattern.compile("(.*?)(\\d+)$");
    /** configshell's child order: by name, with a trailing number compared as a number. */
    public static final Comparator<String> NAME_ORDER = (a, b) -> {
        Matcher ma = TRAILING_NUMBER.matcher(a);
        Matcher mb = TRAILING_NUMBER.matcher(b);
        String pa = ma.matches() ? ma.group(1) : a;
        String pb = mb.matches() ? mb.group(1) : b;
        int c = pa.compareTo(pb);
        if (c != 0) {
            return c;
        }
        return new java.math.BigInteger(ma.matches() ? ma.group(2) : "0")
                .compareTo(new java.math.BigInteger(mb.matches() ? mb.group(2) : "0"));
    };

    protected final Shell shell;
    private final UiNode parent;
    private final String name;

    protected UiNode(Shell shell, UiNode parent, String name) {
        this.shell = shell;
        this.parent = parent;
        this.name = name;
    }

    public String name() {
        return name;
    }

    public UiNode parent() {
        return parent;
    }

    public String path() {
        if (parent == null) {
            return "/";
        }
        String p = parent.path();
        return (p.equals("/") ? "" : p) + "/" + name;
    }

    protected TargetModel model() {
        return shell.model();
    }

    /** Children in configshell's display order. */
    public final List<UiNode> children() {
        List<UiNode> c = new ArrayList<>(unsortedChildren());
        c.sort(Comparator.comparing(UiNode::name, NAME_ORDER));
        return c;
    }

    protected List<UiNode> unsortedChildren() {
        return List.of();
    }

    public Optional<UiNode> child(String childName) {
        return unsortedChildren().stream().filter(c -> c.name().equals(childName)).findFirst();
    }

    public Summary summary() {
        return Summary.NONE;
    }

    /** The node's own commands (the global ones are added by the shell). */
    protected void addCommands(List<CommandSpec> commands) {
    }

    /** Every command of this node, sorted by name. */
    public final Map<String, CommandSpec> commands() {
        List<CommandSpec> list = new ArrayList<>();
        shell.globalCommands().addTo(this, list);
        addCommands(list);
        Map<String, CommandSpec> m = new TreeMap<>();
        list.forEach(c -> m.put(c.name(), c));
        return m;
    }

    /** The node's configuration groups after {@code global}, in configshell's order. */
    protected void addGroups(List<ConfigGroup> groups) {
    }

    public final List<ConfigGroup> configGroups() {
        List<ConfigGroup> list = new ArrayList<>();
        list.add(shell.globalGroup());
        addGroups(list);
        return list;
    }

    /** {@code info} lines for nodes backed by a model object; empty when there is no {@code info}. */
    public Optional<List<String>> info() {
        return Optional.empty();
    }

    /** The {@code info} command: the node's {@link #info()} lines, as log messages like targetcli's. */
    protected CommandSpec infoCommand(String description) {
        return CommandSpec.of("info", description, a -> {
            info().orElseThrow().forEach(shell.console()::info);
            return null;
        });
    }

    /** Whether the node still stands for something in the model (a deleted node does not). */
    public boolean exists() {
        return parent == null || (parent.exists() && parent.child(name).isPresent());
    }

    /** Sorted {@code key: value} lines as rtslib's dump shows them in {@code info}. */
    protected static List<String> infoLines(Map<String, String> values) {
        List<String> out = new ArrayList<>();
        new TreeMap<>(values).forEach((k, v) -> out.add(k + ": " + v));
        return out;
    }
}
