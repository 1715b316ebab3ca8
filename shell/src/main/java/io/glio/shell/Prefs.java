package io.glio.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The global preferences ({@code set global}) with targetcli's names and defaults, plus the
 * hidden ones (bookmarks, cd history), kept in {@code <home>/prefs.txt}: one {@code key=value}
 * a line, bookmarks as {@code bookmark.<name>=<path>}, cd history as {@code path_history=<path>}
 * lines in order. targetcli's {@code prefs.bin} is a Python pickle, which we neither read nor write.
 */
public final class Prefs {

    /** A global preference. */
    public record Def(String name, ValueType type, String defaultValue, String description) {
    }

    public static final List<Def> GLOBALS = List.of(
            new Def("auto_add_default_portal", ValueType.BOOL, "true",
                    "If true, adds a portal listening on all IPs to new targets."),
            new Def("auto_add_mapped_luns", ValueType.BOOL, "true",
                    "If true, automatically create node ACLs mapped LUNs after creating a new target LUN or a new node ACL"),
            new Def("auto_cd_after_create", ValueType.BOOL, "false",
                    "If true, changes current path to newly created objects."),
            new Def("auto_enable_tpgt", ValueType.BOOL, "true",
                    "If true, automatically enables TPGTs upon creation."),
            new Def("auto_save_on_exit", ValueType.BOOL, "true", "If true, saves configuration on exit."),
            new Def("auto_use_daemon", ValueType.BOOL, "false", "If true, commands will be sent to targetclid."),
            new Def("color_command", ValueType.COLOR, "cyan", "Color to use for command completions."),
            new Def("color_default", ValueType.COLORDEFAULT, "none", "Default text display color."),
            new Def("color_keyword", ValueType.COLOR, "cyan", "Color to use for keyword completions."),
            new Def("color_mode", ValueType.BOOL, "true", "Console color display mode."),
            new Def("color_parameter", ValueType.COLOR, "magenta", "Color to use for parameter completions."),
            new Def("color_path", ValueType.COLOR, "magenta", "Color to use for path completions"),
            new Def("daemon_use_batch_mode", ValueType.BOOL, "false",
                    "If true, use batch mode for daemonized approach."),
            new Def("export_backstore_name_as_model", ValueType.BOOL, "true",
                    "If true, the backstore name is used for the scsi inquiry model name."),
            new Def("logfile", ValueType.STRING, null, "Logfile to use."),
            new Def("loglevel_console", ValueType.LOGLEVEL, "info", "Log level for messages going to the console."),
            new Def("loglevel_file", ValueType.LOGLEVEL, "debug", "Log level for messages going to the log file."),
            new Def("max_backup_files", ValueType.STRING, "10",
                    "Max no. of configurations to be backed up in /etc/target/backup/ directory."),
            new Def("prompt_length", ValueType.NUMBER, "30", "Max length of the shell prompt path, 0 for infinite."),
            new Def("tree_max_depth", ValueType.NUMBER, "0", "Maximum depth of displayed node tree."),
            new Def("tree_round_nodes", ValueType.BOOL, "true", "Tree node display style."),
            new Def("tree_show_root", ValueType.BOOL, "true", "Whether or not to display tree root."),
            new Def("tree_status_mode", ValueType.BOOL, "true", "Whether or not to display status in tree."));

    private final Path file;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> bookmarks = new LinkedHashMap<>();
    private final List<String> pathHistory = new ArrayList<>();
    private int historyIndex;

    private Prefs(Path file) {
        this.file = file;
        for (Def d : GLOBALS) {
            values.put(d.name(), d.defaultValue());
        }
        if (file != null) {
            values.put("logfile", file.getParent().resolve("log.txt").toString());
        }
    }

    /** Preferences kept in memory only (tests, one-shot commands that must not touch them). */
    public static Prefs inMemory() {
        return new Prefs(null);
    }

    /** Loads {@code <home>/prefs.txt}; a missing or unreadable file gives the defaults. */
    public static Prefs load(Path home) {
        Prefs p = new Prefs(home.resolve("prefs.txt"));
        try {
            if (Files.isRegularFile(p.file)) {
                for (String line : Files.readAllLines(p.file)) {
                    p.read(line);
                }
            }
        } catch (IOException e) {
            // Defaults are a fine start; the next save rewrites the file.
        }
        p.historyIndex = p.pathHistory.size() - 1;
        return p;
    }

    private void read(String line) {
        int eq = line.indexOf('=');
        if (eq <= 0) {
            return;
        }
        String key = line.substring(0, eq);
        String value = line.substring(eq + 1);
        if (key.startsWith("bookmark.")) {
            bookmarks.put(key.substring("bookmark.".length()), value);
        } else if (key.equals("path_history")) {
            pathHistory.add(value);
        } else if (values.containsKey(key)) {
            Def d = def(key);
            try {
                values.put(key, d.type().check(value));
            } catch (ShellException e) {
                // A hand-edited bad value keeps the default.
            }
        }
    }

    /** Writes the file; failures are silent as in targetcli (prefs are a convenience). */
    public void save() {
        if (file == null) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(k).append('=').append(v == null ? "" : v).append('\n'));
        bookmarks.forEach((k, v) -> sb.append("bookmark.").append(k).append('=').append(v).append('\n'));
        int from = Math.max(0, pathHistory.size() - 100);
        for (String p : pathHistory.subList(from, pathHistory.size())) {
            sb.append("path_history=").append(p).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, sb.toString());
        } catch (IOException e) {
            // ignored: see above
        }
    }

    public static Def def(String name) {
        for (Def d : GLOBALS) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }

    public String get(String name) {
        return values.get(name);
    }

    public boolean bool(String name) {
        return "true".equals(values.get(name));
    }

    public int number(String name) {
        try {
            return Integer.parseInt(values.get(name));
        } catch (NumberFormatException | NullPointerException e) {
            return 0;
        }
    }

    public void set(String name, String value) {
        values.put(name, value);
        save();
    }

    public Map<String, String> bookmarks() {
        return bookmarks;
    }

    public List<String> pathHistory() {
        return pathHistory;
    }

    public int historyIndex() {
        return historyIndex;
    }

    public void setHistoryIndex(int index) {
        historyIndex = index;
    }
}
