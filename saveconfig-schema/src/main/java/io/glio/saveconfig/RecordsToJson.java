package io.glio.saveconfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the records back into a tree: typed components that are non-null, then {@code extra}
 * keys not already set (a typed value wins over an extra entry of the same key).
 */
final class RecordsToJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RecordsToJson() {
    }

    static ObjectNode saveConfig(SaveConfig c) {
        ObjectNode o = NODES.objectNode();
        list(o, "fabric_modules", c.fabricModules(), RecordsToJson::fabricModule);
        list(o, "storage_objects", c.storageObjects(), RecordsToJson::storageObject);
        list(o, "targets", c.targets(), RecordsToJson::target);
        return extra(o, c.extra());
    }

    private static ObjectNode fabricModule(FabricModule m) {
        ObjectNode o = NODES.objectNode();
        put(o, "name", m.name());
        put(o, "discovery_enable_auth", m.discoveryEnableAuth());
        chap(o, "discovery_", m.discoveryAuth());
        return extra(o, m.extra());
    }

    private static ObjectNode storageObject(StorageObject s) {
        ObjectNode o = NODES.objectNode();
        put(o, "plugin", s.plugin());
        put(o, "name", s.name());
        put(o, "dev", s.dev());
        put(o, "size", s.size());
        put(o, "wwn", s.wwn());
        put(o, "write_back", s.writeBack());
        put(o, "readonly", s.readonly());
        put(o, "aio", s.aio());
        put(o, "nullio", s.nullio());
        put(o, "config", s.config());
        put(o, "control", s.control());
        put(o, "hw_max_sectors", s.hwMaxSectors());
        values(o, "attributes", s.attributes());
        list(o, "alua_tpgs", s.aluaTpgs(), RecordsToJson::aluaTpg);
        return extra(o, s.extra());
    }

    private static ObjectNode aluaTpg(AluaTpg a) {
        ObjectNode o = NODES.objectNode();
        put(o, "name", a.name());
        put(o, "tg_pt_gp_id", a.tgPtGpId());
        return extra(o, a.params());
    }

    private static ObjectNode target(Target t) {
        ObjectNode o = NODES.objectNode();
        put(o, "fabric", t.fabric());
        put(o, "wwn", t.wwn());
        values(o, "parameters", t.parameters());
        list(o, "tpgs", t.tpgs(), RecordsToJson::tpg);
        return extra(o, t.extra());
    }

    private static ObjectNode tpg(Tpg t) {
        ObjectNode o = NODES.objectNode();
        put(o, "tag", t.tag());
        put(o, "enable", t.enable());
        values(o, "attributes", t.attributes());
        values(o, "parameters", t.parameters());
        list(o, "luns", t.luns(), RecordsToJson::lun);
        list(o, "portals", t.portals(), RecordsToJson::portal);
        list(o, "node_acls", t.nodeAcls(), RecordsToJson::nodeAcl);
        chap(o, "chap_", t.chap());
        return extra(o, t.extra());
    }

    private static ObjectNode lun(Lun l) {
        ObjectNode o = NODES.objectNode();
        put(o, "index", l.index());
        put(o, "storage_object", l.storageObject());
        put(o, "alias", l.alias());
        put(o, "alua_tg_pt_gp_name", l.aluaTgPtGpName());
        return extra(o, l.extra());
    }

    private static ObjectNode portal(Portal p) {
        ObjectNode o = NODES.objectNode();
        put(o, "ip_address", p.ipAddress());
        put(o, "port", p.port());
        put(o, "iser", p.iser());
        put(o, "offload", p.offload());
        return extra(o, p.extra());
    }

    private static ObjectNode nodeAcl(NodeAcl a) {
        ObjectNode o = NODES.objectNode();
        put(o, "node_wwn", a.nodeWwn());
        values(o, "attributes", a.attributes());
        list(o, "mapped_luns", a.mappedLuns(), RecordsToJson::mappedLun);
        put(o, "tag", a.tag());
        put(o, "tcq_depth", a.tcqDepth());
        chap(o, "chap_", a.chap());
        return extra(o, a.extra());
    }

    private static ObjectNode mappedLun(MappedLun m) {
        ObjectNode o = NODES.objectNode();
        put(o, "index", m.index());
        put(o, "tpg_lun", m.tpgLun());
        put(o, "write_protect", m.writeProtect());
        put(o, "alias", m.alias());
        return extra(o, m.extra());
    }

    private static void put(ObjectNode o, String key, Object value) {
        if (value != null) {
            o.set(key, Copies.json(value));
        }
    }

    private static void chap(ObjectNode o, String prefix, Chap chap) {
        put(o, prefix + "userid", chap.userid());
        put(o, prefix + "password", chap.password());
        put(o, prefix + "mutual_userid", chap.mutualUserid());
        put(o, prefix + "mutual_password", chap.mutualPassword());
    }

    private static void values(ObjectNode o, String key, Map<String, JsonNode> values) {
        if (values != null) {
            ObjectNode map = o.putObject(key);
            values.forEach(map::set);
        }
    }

    private static <T> void list(ObjectNode o, String key, List<T> items, Function<T, ObjectNode> element) {
        if (items != null) {
            ArrayNode array = o.putArray(key);
            items.forEach(item -> array.add(element.apply(item)));
        }
    }

    private static ObjectNode extra(ObjectNode o, Map<String, JsonNode> extra) {
        extra.forEach((key, value) -> {
            if (!o.has(key)) {
                o.set(key, value);
            }
        });
        return o;
    }
}
