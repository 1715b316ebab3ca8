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
    private final boolean colors;

    public TreeRenderer(Prefs prefs, int width) {
        this(prefs, width, false);
    }

    /**
     * With {@code colors} (a terminal and {@code color_mode}), names and dots are coloured by
     * depth (blue, magenta, none in turn) and summaries by health (green, red), as configshell does.
     */
    public TreeRenderer(Prefs prefs, int width, boolean colors) {
        this.prefs = prefs;
        this.width = width;
        this.colors = colors;
    }

    private static final String BOLD = "1";
    private static final String UNDERLINE = "4";

    private String sgr(String text, String... codes) {
        if (!colors || text.isEmpty()) {
            return text;
        }
        return "\u001b[" + String.join(";", codes) + "m" + text + "\u001b[0m";
    }

    /** Renders {@code root} and {@code depth} levels below it (null = all, negative = the node only). */
    public List<String> render(UiNode root, Integer depth) {
        List<String> lines = new ArrayList<>();
        if (!prefs.bool("tree_show_root")) {
            for (UiNode child : root.children()) {
                render(child, new ArrayList<>(List.of(false)), depth, lines, false);
            }
        } else {
            render(root, new ArrayList<>(List.of(false)), depth, lines, true);
        }
        return lines;
    }

    private void render(UiNode node, List<Boolean> margin, Integer depth, List<String> lines, boolean top) {
        StringBuilder line = new StringBuilder();
        for (Boolean pipe : margin.subList(0, margin.size() - 1)) {
            line.append(pipe ? "| " : "  ");
        }
        line.append(prefs.bool("tree_round_nodes") ? "o- " : "+- ");
        int marginLength = line.length();
        Summary summary = node.summary();
        String description = summary.shown();
        int level = (int) node.path().replaceAll("/+$", "").chars().filter(c -> c == '/').count();
        String color = level % 3 == 1 ? "34" : level % 3 == 2 ? "35" : null;
        List<String> nameCodes = new ArrayList<>(top ? List.of(BOLD, UNDERLINE) : List.of(BOLD));
        if (color != null) {
            nameCodes.add(color);
        }
        line.append(sgr(node.name(), nameCodes.toArray(String[]::new)));
        if (prefs.bool("tree_status_mode")) {
            int pad = width - 1 - (description.length() + 3) - marginLength - node.name().length();
            String dots = ".".repeat(Math.max(0, pad));
            String shown = summary.healthy() == null ? description
                    : summary.healthy() ? sgr(description, "32") : sgr(description, BOLD, "31");
            line.append(' ').append(color == null ? dots : sgr(dots, color)).append(sgr(" [", BOLD)).append(shown)
                    .append(sgr("]", BOLD));
        }
        lines.add(line.toString());
        if (depth == null || depth > 0) {
            Integer next = depth == null ? null : depth - 1;
            List<UiNode> children = node.children();
            for (int i = 0; i < children.size(); i++) {
                margin.add(i < children.size() - 1);
                render(children.get(i), margin, next, lines, false);
                margin.remove(margin.size() - 1);
            }
        }
    }
}
