package io.glio.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

/**
 * targetcli's {@code cd} without a path on a terminal: the object tree full-screen, the arrow
 * keys (or k/j) move, Enter goes to the selected node, q or Esc stays. The tree is read through
 * the session's completer (one request per node with children), so an attached shell picks from
 * the service's model exactly as an embedded one picks from its own.
 */
final class TreePicker {

    /** One node: its path and how deep it sits. */
    record Entry(String path, int depth) {
        String label() {
            String name = path.equals("/") ? "/" : path.substring(path.lastIndexOf('/', path.length() - 1) + 1);
            return "  ".repeat(depth) + "o- " + name;
        }
    }

    private enum Key { UP, DOWN, ENTER, QUIT }

    private static final String TITLE = "Move with the arrow keys, Enter goes to the node, q or Esc stays.";

    private TreePicker() {
    }

    /** The tree under {@code /}, depth first in the order {@code ls} shows it. */
    static List<Entry> entries(ShellSession session) {
        List<Entry> out = new ArrayList<>(List.of(new Entry("/", 0)));
        walk(session, "/", 1, out);
        return out;
    }

    private static void walk(ShellSession session, String dir, int depth, List<Entry> out) {
        for (Completions.Item item : session.complete("cd " + dir)) {
            String value = item.value();
            if (!value.startsWith(dir) || value.equals(dir)) {
                continue;
            }
            boolean children = value.endsWith("/");
            out.add(new Entry(children ? value.substring(0, value.length() - 1) : value, depth));
            if (children) {
                walk(session, value, depth + 1, out);
            }
        }
    }

    /** Lets the user choose; empty when they left with q or Esc. */
    static Optional<String> pick(Terminal terminal, List<Entry> entries) {
        KeyMap<Key> keys = new KeyMap<>();
        keys.bind(Key.UP, KeyMap.key(terminal, Capability.key_up), "\033[A", "\033OA", "k");
        keys.bind(Key.DOWN, KeyMap.key(terminal, Capability.key_down), "\033[B", "\033OB", "j");
        keys.bind(Key.ENTER, "\r", "\n");
        keys.bind(Key.QUIT, "q", KeyMap.esc());
        keys.setAmbiguousTimeout(100);
        BindingReader reader = new BindingReader(terminal.reader());
        Attributes saved = terminal.enterRawMode();
        terminal.puts(Capability.enter_ca_mode);
        try {
            int selected = 0;
            for (;;) {
                draw(terminal, entries, selected);
                Key k = reader.readBinding(keys);
                if (k == null || k == Key.QUIT) {
                    return Optional.empty();
                } else if (k == Key.ENTER) {
                    return Optional.of(entries.get(selected).path());
                }
                selected = Math.floorMod(selected + (k == Key.UP ? -1 : 1), entries.size());
            }
        } finally {
            terminal.puts(Capability.exit_ca_mode);
            terminal.setAttributes(saved);
            terminal.flush();
        }
    }

    /** The title, then the window of entries that holds the selected one; it shows in reverse video with a "> " mark. */
    private static void draw(Terminal terminal, List<Entry> entries, int selected) {
        int rows = Math.max(3, terminal.getHeight() - 2);
        int first = Math.max(0, Math.min(selected - rows / 2, entries.size() - rows));
        StringBuilder sb = new StringBuilder();
        terminal.puts(Capability.clear_screen);
        sb.append(TITLE).append("\r\n\r\n");
        for (int i = first; i < Math.min(entries.size(), first + rows); i++) {
            String line = (i == selected ? "> " : "  ") + entries.get(i).label();
            sb.append(i == selected ? "\033[7m" + line + "\033[0m" : line).append("\r\n");
        }
        terminal.writer().print(sb);
        terminal.flush();
    }
}
