package io.glio.saveconfig;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Binds a schema-valid tree to the records. Keys read into a typed component are consumed;
 * everything else (unknown keys, and known keys holding JSON {@code null}) goes to the record's
 * {@code extra} map in file order, so nothing is lost on save.
 */
final class JsonToRecords {
    private JsonToRecords() {
    }

    static SaveConfig saveConfig(JsonNode root) {
        Fields f = new Fields(root);
        return new SaveConfig(f.list("fabric_modules", JsonToRecords::fabricModule),
                f.list("storage_objects", JsonToRecords::storageObject),
                f.list("targets", JsonToRecords::target), f.extra());
    }

    private static FabricModule fabricModule(JsonNode node) {
        Fields f = new Fields(node);
        return new FabricModule(f.text("name"), f.bool("discovery_enable_auth"), f.chap("discovery_"), f.extra());
    }

    private static StorageObject storageObject(JsonNode node) {
        Fields f = new Fields(node);
        JsonNode size = f.take("size");
        JsonNode hwMaxSectors = f.take("hw_max_sectors");
        return new StorageObject(f.text("plugin"), f.text("name"), f.text("dev"),
                size == null ? null : size.longValue(), f.text("wwn"), f.bool("write_back"), f.bool("readonly"),
                f.bool("aio"), f.bool("nullio"), f.text("config"), f.text("control"),
                hwMaxSectors == null ? null : hwMaxSectors.intValue(), f.values("attributes"),
                f.list("alua_tpgs", JsonToRecords::aluaTpg), f.extra());
    }

    private static AluaTpg aluaTpg(JsonNode node) {
        Fields f = new Fields(node);
        return new AluaTpg(f.text("name"), f.integer("tg_pt_gp_id"), f.extra());
    }

    private static Target target(JsonNode node) {
        Fields f = new Fields(node);
        return new Target(f.text("fabric"), f.text("wwn"), f.values("parameters"), f.list("tpgs", JsonToRecords::tpg),
                f.extra());
    }

    private static Tpg tpg(JsonNode node) {
        Fields f = new Fields(node);
        return new Tpg(f.integer("tag"), f.bool("enable"), f.values("attributes"), f.values("parameters"),
                f.list("luns", JsonToRecords::lun), f.list("portals", JsonToRecords::portal),
                f.list("node_acls", JsonToRecords::nodeAcl), f.chap("chap_"), f.extra());
    }

    private static Lun lun(JsonNode node) {
        Fields f = new Fields(node);
        return new Lun(f.integer("index"), f.text("storage_object"), f.text("alias"), f.text("alua_tg_pt_gp_name"),
                f.extra());
    }

    private static Portal portal(JsonNode node) {
        Fields f = new Fields(node);
        return new Portal(f.text("ip_address"), f.integer("port"), f.bool("iser"), f.bool("offload"), f.extra());
    }

    private static NodeAcl nodeAcl(JsonNode node) {
        Fields f = new Fields(node);
        return new NodeAcl(f.text("node_wwn"), f.values("attributes"), f.list("mapped_luns", JsonToRecords::mappedLun),
                f.text("tag"), f.take("tcq_depth"), f.chap("chap_"), f.extra());
    }

    private static MappedLun mappedLun(JsonNode node) {
        Fields f = new Fields(node);
        return new MappedLun(f.integer("index"), f.integer("tpg_lun"), f.bool("write_protect"), f.text("alias"),
                f.extra());
    }

    /** One JSON object being bound: typed reads consume keys, the rest is {@link #extra()}. */
    private static final class Fields {
        private final JsonNode node;
        private final Set<String> consumed = new HashSet<>();

        Fields(JsonNode node) {
            this.node = node;
        }

        /** The value of {@code key}, consumed, or {@code null} when absent or JSON null (then it stays in extra). */
        JsonNode take(String key) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                return null;
            }
            consumed.add(key);
            return value;
        }

        String text(String key) {
            JsonNode value = take(key);
            return value == null ? null : value.textValue();
        }

        Boolean bool(String key) {
            JsonNode value = take(key);
            return value == null ? null : value.booleanValue();
        }

        Integer integer(String key) {
            JsonNode value = take(key);
            return value == null ? null : value.intValue();
        }

        Map<String, JsonNode> values(String key) {
            JsonNode value = take(key);
            if (value == null) {
                return null;
            }
            Map<String, JsonNode> map = new LinkedHashMap<>();
            value.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
            return map;
        }

        <T> List<T> list(String key, Function<JsonNode, T> element) {
            JsonNode value = take(key);
            if (value == null) {
                return null;
            }
            List<T> list = new ArrayList<>(value.size());
            value.forEach(item -> list.add(element.apply(item)));
            return list;
        }

        Chap chap(String prefix) {
            return new Chap(text(prefix + "userid"), text(prefix + "password"), text(prefix + "mutual_userid"),
                    text(prefix + "mutual_password"));
        }

        Map<String, JsonNode> extra() {
            Map<String, JsonNode> extra = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!consumed.contains(e.getKey())) {
                    extra.put(e.getKey(), e.getValue());
                }
            }
            return extra;
        }
    }
}
