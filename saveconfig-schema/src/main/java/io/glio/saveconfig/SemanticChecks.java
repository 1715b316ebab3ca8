package io.glio.saveconfig;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Consistency checks on a schema-valid tree: the things rtslib's restore skips with a
 * "…, skipped" message (duplicates, dangling references, unknown plugins). Each problem points
 * at the offending value and at the first occurrence for duplicates.
 */
final class SemanticChecks {
    private static final Set<String> PLUGINS = Set.of("fileio", "block", "iblock", "pscsi", "ramdisk", "rd_mcp",
            "user");

    private final LocatedJsonParser.Located doc;
    private final List<SaveConfigProblem> problems = new ArrayList<>();

    private SemanticChecks(LocatedJsonParser.Located doc) {
        this.doc = doc;
    }

    static List<SaveConfigProblem> check(LocatedJsonParser.Located doc) {
        SemanticChecks checks = new SemanticChecks(doc);
        checks.run();
        return checks.problems;
    }

    private void run() {
        JsonNode root = doc.root();
        Map<String, String> storageObjects = new HashMap<>();
        JsonNode sos = root.path("storage_objects");
        for (int i = 0; i < sos.size(); i++) {
            String path = JsonPaths.index("$.storage_objects", i);
            JsonNode so = sos.get(i);
            String plugin = so.get("plugin").textValue();
            if (!PLUGINS.contains(plugin)) {
                add(path + ".plugin", "unknown plugin \"" + plugin + "\" (expected fileio, block, pscsi, ramdisk or user)");
            }
            String key = StorageObject.canonicalPlugin(plugin) + "/" + so.get("name").textValue();
            String first = storageObjects.putIfAbsent(key, path);
            if (first != null) {
                add(path + ".name", "duplicate storage object " + key + " (first at " + first + ")");
            }
        }
        Map<String, String> targets = new HashMap<>();
        JsonNode ts = root.path("targets");
        for (int i = 0; i < ts.size(); i++) {
            String path = JsonPaths.index("$.targets", i);
            JsonNode t = ts.get(i);
            String wwn = t.get("wwn").textValue();
            String fabric = t.get("fabric").textValue();
            String first = targets.putIfAbsent(fabric + " " + wwn.toLowerCase(Locale.ROOT), path);
            if (first != null) {
                add(path + ".wwn", "duplicate target wwn " + wwn + " in fabric " + fabric + " (first at " + first + ")");
            }
            checkTpgs(t.path("tpgs"), path + ".tpgs", storageObjects);
        }
    }

    private void checkTpgs(JsonNode tpgs, String base, Map<String, String> storageObjects) {
        Map<Integer, String> tags = new HashMap<>();
        for (int i = 0; i < tpgs.size(); i++) {
            String path = JsonPaths.index(base, i);
            JsonNode tpg = tpgs.get(i);
            if (tpg.has("tag")) {
                int tag = tpg.get("tag").intValue();
                String first = tags.putIfAbsent(tag, path);
                if (first != null) {
                    add(path + ".tag", "duplicate TPG tag " + tag + " (first at " + first + ")");
                }
            }
            Map<Integer, String> luns = checkLuns(tpg.path("luns"), path + ".luns", storageObjects);
            checkAcls(tpg.path("node_acls"), path + ".node_acls", luns);
        }
    }

    private Map<Integer, String> checkLuns(JsonNode luns, String base, Map<String, String> storageObjects) {
        Map<Integer, String> indexes = new HashMap<>();
        for (int i = 0; i < luns.size(); i++) {
            String path = JsonPaths.index(base, i);
            JsonNode lun = luns.get(i);
            int index = lun.get("index").intValue();
            String first = indexes.putIfAbsent(index, path);
            if (first != null) {
                add(path + ".index", "duplicate LUN index " + index + " (first at " + first + ")");
            }
            String reference = lun.get("storage_object").textValue();
            String[] parts = reference.split("/", -1);
            if (parts.length != 4 || !parts[0].isEmpty() || !parts[1].equals("backstores") || parts[2].isEmpty()
                    || parts[3].isEmpty()) {
                add(path + ".storage_object", "malformed storage object reference " + PythonJson.quote(reference)
                        + " (expected /backstores/<plugin>/<name>)");
            } else if (!storageObjects.containsKey(StorageObject.canonicalPlugin(parts[2]) + "/" + parts[3])) {
                add(path + ".storage_object", "LUN " + index + " refers to missing storage object " + reference);
            }
        }
        return indexes;
    }

    private void checkAcls(JsonNode acls, String base, Map<Integer, String> tpgLuns) {
        Map<String, String> wwns = new HashMap<>();
        for (int i = 0; i < acls.size(); i++) {
            String path = JsonPaths.index(base, i);
            JsonNode acl = acls.get(i);
            String wwn = acl.get("node_wwn").textValue();
            String first = wwns.putIfAbsent(wwn.toLowerCase(Locale.ROOT), path);
            if (first != null) {
                add(path + ".node_wwn", "duplicate node ACL " + wwn + " (first at " + first + ")");
            }
            Map<Integer, String> indexes = new HashMap<>();
            JsonNode mapped = acl.path("mapped_luns");
            for (int j = 0; j < mapped.size(); j++) {
                String mpath = JsonPaths.index(path + ".mapped_luns", j);
                int index = mapped.get(j).get("index").intValue();
                String firstIndex = indexes.putIfAbsent(index, mpath);
                if (firstIndex != null) {
                    add(mpath + ".index", "duplicate mapped LUN index " + index + " (first at " + firstIndex + ")");
                }
                int tpgLun = mapped.get(j).get("tpg_lun").intValue();
                if (!tpgLuns.containsKey(tpgLun)) {
                    add(mpath + ".tpg_lun", "mapped LUN " + index + " refers to missing TPG LUN " + tpgLun);
                }
            }
        }
    }

    private void add(String path, String message) {
        problems.add(doc.problem(path, message));
    }
}
