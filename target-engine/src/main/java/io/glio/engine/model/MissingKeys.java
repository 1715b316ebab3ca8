package io.glio.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Map;

/**
 * rtslib restores a file whose entries lack required keys and reports each such entry
 * ({@code 'name' not defined in storage object 0, skipped}); saveconfig-schema refuses such a
 * file as a whole. This pre-pass fills a placeholder for each missing key and marks the entry
 * with the error to report, so the restore can skip it with rtslib's text at the right place
 * in the error list.
 */
final class MissingKeys {

    /** Key under which a marked entry carries its error text ({@code %TAG%} = the TPG tag). */
    static final String MARKER = "__glio_restore_error__";

    private MissingKeys() {
    }

    /** Returns the JSON text with marked entries, or null when nothing was missing. */
    static String mark(String text) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            return null;
        }
        if (!(root instanceof ObjectNode)) {
            return null;
        }
        boolean[] changed = {false};
        eachObject(root.get("storage_objects"), (so, i) -> {
            if (!so.has("name")) {
                mark(so, "'name' not defined in storage object " + i, changed);
                so.put("name", "");
            }
            if (!so.has("plugin")) {
                // An empty plugin is refused by the restore with rtslib's own text.
                so.put("plugin", "");
                changed[0] = true;
            }
            eachObject(so.get("alua_tpgs"), (g, j) -> {
                if (!g.has("name")) {
                    mark(g, "", changed);
                    g.put("name", "");
                }
            });
        });
        eachObject(root.get("fabric_modules"), (fm, i) -> {
            if (!fm.has("name")) {
                mark(fm, "'name' not defined in fabricmodule " + i, changed);
                fm.put("name", "");
            }
        });
        eachObject(root.get("targets"), (t, i) -> {
            if (!t.has("wwn")) {
                mark(t, "'wwn' not defined in target " + i, changed);
                t.put("wwn", "");
            } else if (!t.has("fabric")) {
                mark(t, "target " + t.get("wwn").asText() + " missing 'fabric' field", changed);
            }
            if (!t.has("fabric")) {
                t.put("fabric", "");
            }
            eachObject(t.get("tpgs"), (tpg, j) -> markTpg(tpg, changed));
        });
        if (!changed[0]) {
            return null;
        }
        return root.toString();
    }

    private static void markTpg(ObjectNode tpg, boolean[] changed) {
        eachObject(tpg.get("luns"), (lun, i) -> {
            if (!lun.has("index")) {
                mark(lun, "'index' missing from a LUN in TPG %TAG%", changed);
                lun.put("index", 0);
            }
            if (!lun.has("storage_object")) {
                // Refused as malformed by the restore, as rtslib does.
                lun.put("storage_object", "");
                changed[0] = true;
            }
        });
        eachObject(tpg.get("portals"), (p, i) -> {
            if (!p.has("ip_address")) {
                mark(p, "'ip_address' field missing from a portal in TPG %TAG%", changed);
                p.put("ip_address", "");
            } else if (!p.has("port")) {
                mark(p, "'port' field missing from a portal in TPG %TAG%", changed);
            }
            if (!p.has("port")) {
                p.put("port", 0);
            }
        });
        eachObject(tpg.get("node_acls"), (acl, i) -> {
            if (!acl.has("node_wwn")) {
                mark(acl, "'node_wwn' missing in node_acl", changed);
                acl.put("node_wwn", "");
            }
            eachObject(acl.get("mapped_luns"), (m, j) -> {
                if (!m.has("tpg_lun")) {
                    mark(m, "'tpg_lun' not in a mapped_lun", changed);
                } else if (!m.has("index")) {
                    mark(m, "'index' not in a mapped_lun", changed);
                }
                if (!m.has("tpg_lun")) {
                    m.put("tpg_lun", 0);
                }
                if (!m.has("index")) {
                    m.put("index", 0);
                }
            });
        });
    }

    private static void mark(ObjectNode node, String error, boolean[] changed) {
        node.set(MARKER, TextNode.valueOf(error));
        changed[0] = true;
    }

    private interface Visitor {
        void visit(ObjectNode node, int index);
    }

    private static void eachObject(JsonNode array, Visitor visitor) {
        if (array == null || !array.isArray()) {
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof ObjectNode o) {
                visitor.visit(o, i);
            }
        }
    }

    /** The marked error of a record's extra keys, or null. */
    static String error(Map<String, JsonNode> extra) {
        JsonNode v = extra.get(MARKER);
        return v == null ? null : v.asText();
    }

    /** Extra keys without the marker. */
    static Map<String, JsonNode> withoutMarker(Map<String, JsonNode> extra) {
        if (!extra.containsKey(MARKER)) {
            return extra;
        }
        Map<String, JsonNode> copy = new java.util.LinkedHashMap<>(extra);
        copy.remove(MARKER);
        return copy;
    }
}
