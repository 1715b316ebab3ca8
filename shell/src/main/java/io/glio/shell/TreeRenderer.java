package io.glio.shell;

import io.glio.shell.node.UiNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ls} picture: {@code <margin>o- <name> <dots> [<summary>]}, every line exactly the
 * console width (132 when not a terminal), children in configshell's order.
 */
public final class TreeRenderer {

    private final Prefs prefs;
    private final int width;

    public TreeRenderer(Prefs prefs, int width) {
        this.prefs = prefs;
        this.width = width;
    }

    /** Renders {@code root} and {@code depth} levels below it (null = all, negative = the node only). */
    public List<String> render(UiNode root, Integer depth) {
        List<String> lines = new ArrayList<>();
        if (!prefs.bool("tree_show_root")) {
            for (UiNode child : root.children()) {
                render(child, new ArrayList<>(List.of(false)), depth, lines);
            }
        } else {
            render(root, new ArrayList<>(List.of(false)), depth, lines);
        }
        return lines;
    }

    private void render(UiNode node, List<Boolean> margin, Integer depth, List<String> lines) {
        StringBuilder line = new StringBuilder();
        for (Boolean pipe : margin.subList(0, margin.size() - 1)) {
            line.append(pipe ? "| " : "  ");
        }
        line.append(prefs.bool("tree_round_nodes") ? "o- " : "+- ");
        int marginLength = line.length();
        Summary summary = node.summary();
        String description = summary.shown();
        line.append(node.name());
        if (prefs.bool("tree_status_mode")) {
            int pad = width - 1 - (description.length() + 3) - marginLength - node.name().length();
            line.append(' ').append(".".repeat(Math.max(0, pad))).append(" [").append(description).append(']');
        }
        lines.add(line.toString());
        if (depth == null || depth > 0) {
            Integer next = depth == null ? null : depth - 1;
            List<UiNode> children = node.children();
            for (int i = 0; i < children.size(); i++) {
                margin.add(i < children.size() - 1);
                render(children.get(i), margin, next, lines);
                margin.remove(margin.size() - 1);
            }
        }
    }
}
