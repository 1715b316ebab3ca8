package io.glio.shell;

import io.glio.shell.node.UiNode;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a tab press offers for the text before the cursor, from the model only (the file system
 * only for file arguments): commands, child paths and bookmarks, then for parameters their
 * {@code name=} keywords and the values that are enumerable.
 */
public final class Completions {

    /** A completion: the text to insert, what to show, and whether the word is finished (space). */
    public record Item(String value, String display, boolean complete) {
    }

    private static final Set<String> BOOLEAN_PARAMS = Set.of("write_back", "sparse", "nullio", "add_mapped_luns",
            "confirm", "save", "readonly", "boolean", "clear_existing");
    private static final Set<String> FILE_PARAMS = Set.of("file_or_dev", "savefile", "dev");

    private final Shell shell;

    public Completions(Shell shell) {
        this.shell = shell;
    }

    public List<Item> complete(String before) {
        List<String> words = new ArrayList<>(List.of(before.strip().split("\\s+")));
        if (words.size() == 1 && words.get(0).isEmpty()) {
            words.clear();
        }
        String word = before.isEmpty() || Character.isWhitespace(before.charAt(before.length() - 1)) ? ""
                : words.remove(words.size() - 1);
        UiNode target = shell.current();
        int i = 0;
        if (!words.isEmpty() && LineParser.isPath(words.get(0))) {
            try {
                target = shell.resolve(target, words.get(0).replaceAll("\\*$", ""));
            } catch (ShellException e) {
                return List.of();
            }
            i = 1;
        }
        if (words.size() == i) {
            List<Item> out = new ArrayList<>(commands(target, word));
            if (i == 0) {
                out.addAll(paths(target, word));
            }
            return out;
        }
        CommandSpec spec = target.commands().get(words.get(i));
        if (spec == null) {
            return List.of();
        }
        List<String> params = words.subList(i + 1, words.size());
        return parameters(target, spec, params, word);
    }

    private List<Item> commands(UiNode node, String word) {
        List<Item> out = new ArrayList<>();
        for (String c : node.commands().keySet()) {
            if (c.startsWith(word)) {
                out.add(new Item(c, c, true));
            }
        }
        return out;
    }

    /** Child paths below the part of {@code word} before its last slash, and {@code @bookmarks}. */
    List<Item> paths(UiNode from, String word) {
        List<Item> out = new ArrayList<>();
        if (word.startsWith("@")) {
            for (String b : shell.prefs().bookmarks().keySet()) {
                if (("@" + b).startsWith(word)) {
                    out.add(new Item("@" + b, "@" + b, true));
                }
            }
            return out;
        }
        int slash = word.lastIndexOf('/');
        String base = slash < 0 ? "" : word.substring(0, slash + 1);
        String rest = word.substring(slash + 1);
        UiNode dir;
        try {
            dir = base.isEmpty() ? from : shell.resolve(from, base);
        } catch (ShellException e) {
            return out;
        }
        for (UiNode c : dir.children()) {
            if (c.name().startsWith(rest)) {
                boolean leaf = c.children().isEmpty();
                out.add(new Item(base + c.name() + (leaf ? "" : "/"), c.name() + (leaf ? "" : "/"), leaf));
            }
        }
        return out;
    }

    private List<Item> parameters(UiNode node, CommandSpec spec, List<String> given, String word) {
        int eq = word.indexOf('=');
        if (eq > 0) {
            String key = word.substring(0, eq);
            List<Item> out = new ArrayList<>();
            for (String v : values(node, spec, key, given, word.substring(eq + 1))) {
                out.add(new Item(key + "=" + v, v, true));
            }
            return out;
        }
        long positional = given.stream().filter(g -> !g.contains("=")).count();
        List<String> usedKeys = given.stream().filter(g -> g.contains("="))
                .map(g -> g.substring(0, g.indexOf('='))).toList();
        List<Item> out = new ArrayList<>();
        String current = null;
        if (usedKeys.isEmpty() && positional < spec.params().size()) {
            current = spec.params().get((int) positional);
        } else if (spec.varargs() != null) {
            current = spec.varargs();
        }
        if (current != null) {
            for (String v : values(node, spec, current, given, word)) {
                boolean dir = v.endsWith("/");
                out.add(new Item(v, v, !dir));
            }
        }
        for (int k = (int) positional; k < spec.params().size(); k++) {
            String p = spec.params().get(k);
            if (!usedKeys.contains(p) && (p + "=").startsWith(word)) {
                out.add(new Item(p + "=", p + "=", false));
            }
        }
        if (spec.varkw() != null && !given.isEmpty()) {
            // set GROUP name=value: the group's writable parameter names.
            configGroup(node, given.get(0)).ifPresent(g -> g.params().stream()
                    .filter(ConfigParam::writable)
                    .filter(p -> !usedKeys.contains(p.name()) && (p.name() + "=").startsWith(word))
                    .forEach(p -> out.add(new Item(p.name() + "=", p.name() + "=", false))));
        }
        return out;
    }

    private java.util.Optional<ConfigGroup> configGroup(UiNode node, String name) {
        return node.configGroups().stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** Values of parameter {@code param} of {@code spec} starting with {@code prefix}. */
    private List<String> values(UiNode node, CommandSpec spec, String param, List<String> given, String prefix) {
        List<String> all = new ArrayList<>();
        String cmd = spec.name();
        if (BOOLEAN_PARAMS.contains(param)) {
            all.addAll(List.of("true", "false"));
        } else if (FILE_PARAMS.contains(param)) {
            all.addAll(files(prefix));
        } else if (param.equals("path") && (cmd.equals("ls") || cmd.equals("cd"))) {
            return paths(node, prefix).stream().map(Item::value).toList();
        } else if (param.equals("group")) {
            node.configGroups().forEach(g -> all.add(g.name()));
        } else if (param.equals("parameter") && cmd.equals("get") && !given.isEmpty()) {
            configGroup(node, given.get(0)).ifPresent(g -> g.params().forEach(p -> all.add(p.name())));
        } else if (param.equals("topic")) {
            all.addAll(node.commands().keySet());
        } else if (param.equals("action") && cmd.equals("bookmarks")) {
            all.addAll(List.of("add", "del", "go", "show"));
        } else if (param.equals("bookmark")) {
            all.addAll(shell.prefs().bookmarks().keySet());
        } else if (param.equals("action") && cmd.equals("sessions")) {
            all.addAll(List.of("list", "detail"));
        } else if (param.equals("storage_object") || param.equals("tpg_lun_or_backstore")) {
            all.addAll(storageObjectPaths());
            all.addAll(files(prefix));
        } else if (cmd.equals("delete") || cmd.equals("tag") || cmd.equals("untag")) {
            node.children().forEach(c -> all.add(c.name().replaceFirst("^(tpg|lun|mapped_lun)(?=\\d)", "")));
        } else if (cmd.equals("set") && !given.isEmpty()) {
            configGroup(node, given.get(0)).flatMap(g -> g.param(param))
                    .ifPresent(p -> all.addAll(p.type().choices()));
        }
        return all.stream().filter(v -> v.startsWith(prefix)).toList();
    }

    private List<String> storageObjectPaths() {
        List<String> out = new ArrayList<>();
        try {
            for (UiNode bs : shell.resolve(shell.root(), "/backstores").children()) {
                for (UiNode so : bs.children()) {
                    out.add(so.path());
                }
            }
        } catch (ShellException e) {
            // no backstores node: nothing to offer
        }
        return out;
    }

    /** Regular files and directories (ending in {@code /}, listed last) starting with {@code prefix}. */
    private List<String> files(String prefix) {
        int slash = prefix.lastIndexOf('/');
        File dir = shell.file(slash < 0 ? "." : prefix.substring(0, slash + 1)).toFile();
        String[] names = dir.list();
        if (names == null) {
            return List.of();
        }
        List<String> files = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        String rest = prefix.substring(slash + 1);
        String base = slash < 0 ? "" : prefix.substring(0, slash + 1);
        java.util.Arrays.sort(names);
        for (String n : names) {
            if (!n.startsWith(rest)) {
                continue;
            }
            if (new File(dir, n).isDirectory()) {
                dirs.add(base + n + "/");
            } else {
                files.add(base + n);
            }
        }
        files.addAll(dirs);
        return files;
    }
}
