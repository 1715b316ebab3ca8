package io.glio.saveconfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the entries of a saveconfig file whose shape is wrong (a value of the wrong type or out
 * of range, a missing required key) and takes them out, so the rest of the file can be used,
 * as rtslib's restore skips bad objects.
 *
 * <p>An entry is an element of one of the object lists ({@code storage_objects[i]},
 * {@code targets[i].tpgs[j].luns[k]}, ...). Each problem skips the innermost entry holding it,
 * with everything under it; a problem outside every entry (the top level is not an object,
 * {@code targets} is not a list) leaves nothing usable and is fatal. Consistency problems
 * (unknown plugins, duplicates, dangling references) are not this class's: rtslib's restore
 * skips those objects itself, with its own texts, and so does the engine's.
 */
final class InvalidEntries {

    private static final String LISTS = "storage_objects|alua_tpgs|fabric_modules|targets|tpgs|luns|portals|node_acls|mapped_luns";
    private static final Pattern ENTRY_LISTS = Pattern.compile(LISTS);
    private static final Pattern ENTRY = Pattern.compile("\\.(" + LISTS + ")\\[(\\d+)]");

    private final LocatedJsonParser.Located doc;
    /** The file's tree, skipped entries replaced by null (removed at the end). */
    private final JsonNode tree;
    /** The first problem of each skipped entry, by the entry's path. */
    private final Map<String, SaveConfigProblem> skipped = new LinkedHashMap<>();

    private InvalidEntries(LocatedJsonParser.Located doc) {
        this.doc = doc;
        this.tree = doc.root().deepCopy();
    }

    /** See {@link SaveConfigReader#parseSkippingInvalid}. */
    static SaveConfigReader.Result skip(LocatedJsonParser.Located doc) throws SaveConfigException {
        InvalidEntries entries = new InvalidEntries(doc);
        entries.skipAll(SchemaValidator.instance().validate(doc));
        JsonNode pruned = entries.tree.deepCopy();
        removeSkipped(pruned);
        List<SaveConfigProblem> left = SchemaValidator.instance().validate(entries.located(pruned));
        if (!left.isEmpty()) {
            throw new SaveConfigException(left);
        }
        List<SaveConfigProblem> report = new ArrayList<>();
        entries.skipped.forEach((entry, problem) -> {
            // One line per skipped object: nothing for an entry inside another skipped one.
            if (entries.skipped.keySet().stream().noneMatch(outer -> entry.startsWith(outer + "."))) {
                report.add(problem);
            }
        });
        report.sort(Comparator.comparingInt(SaveConfigProblem::line).thenComparingInt(SaveConfigProblem::column));
        return new SaveConfigReader.Result(JsonToRecords.saveConfig(pruned), report);
    }

    private LocatedJsonParser.Located located(JsonNode root) {
        return new LocatedJsonParser.Located(root, doc.locations(), doc.source());
    }

    /** Skips the entry holding each problem; throws when a problem lies outside every entry. */
    private void skipAll(List<SaveConfigProblem> problems) throws SaveConfigException {
        List<SaveConfigProblem> fatal = new ArrayList<>();
        for (SaveConfigProblem p : problems) {
            String entry = entryOf(p.path());
            if (entry == null) {
                fatal.add(p);
            } else if (!skipped.containsKey(entry)) {
                skipped.put(entry, p);
                tombstone(tree, entry);
            }
        }
        if (!fatal.isEmpty()) {
            throw new SaveConfigException(fatal);
        }
    }

    /** The path of the innermost entry holding {@code path}, or null. */
    static String entryOf(String path) {
        if (!path.startsWith(JsonPaths.ROOT)) {
            return null;
        }
        Matcher m = ENTRY.matcher(path);
        int end = JsonPaths.ROOT.length();
        while (m.find(end) && m.start() == end) {
            end = m.end();
        }
        return end == JsonPaths.ROOT.length() ? null : path.substring(0, end);
    }

    private static JsonNode node(JsonNode root, String entryPath) {
        JsonNode node = root;
        Matcher m = ENTRY.matcher(entryPath);
        while (m.find()) {
            node = node.path(m.group(1)).path(Integer.parseInt(m.group(2)));
        }
        return node;
    }

    private static void tombstone(JsonNode root, String entryPath) {
        int bracket = entryPath.lastIndexOf('[');
        int dot = entryPath.lastIndexOf('.');
        JsonNode list = node(root, entryPath.substring(0, dot)).path(entryPath.substring(dot + 1, bracket));
        if (list instanceof ArrayNode array) {
            array.set(Integer.parseInt(entryPath.substring(bracket + 1, entryPath.length() - 1)), NullNode.instance);
        }
    }

    /** Removes the tombstones (nulls) from the entry lists of {@code node}. */
    private static void removeSkipped(JsonNode node) {
        node.fields().forEachRemaining(field -> {
            if (field.getValue() instanceof ArrayNode array && ENTRY_LISTS.matcher(field.getKey()).matches()) {
                for (int i = array.size() - 1; i >= 0; i--) {
                    if (array.get(i).isNull()) {
                        array.remove(i);
                    }
                }
            }
        });
        node.forEach(InvalidEntries::removeSkipped);
    }
}
