package io.glio.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.glio.saveconfig.AluaTpg;
import io.glio.saveconfig.Chap;
import io.glio.saveconfig.FabricModule;
import io.glio.saveconfig.SaveConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Model → saveconfig records with the content rtslib's {@code RTSRoot.dump()} would produce:
 * lists in creation order, attributes as numbers when numeric, optional keys only where rtslib
 * writes them, and every unknown key a loaded file carried.
 */
final class SaveconfigExport {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SaveconfigExport() {
    }

    static SaveConfig dump(TargetModel model) {
        List<FabricModule> fabricModules = new ArrayList<>();
        if (model.discoveryAuth.enabled()) {
            fabricModules.add(new FabricModule(Fabric.ISCSI.rtslibName(), true,
                    chap(model.discoveryAuth.credentials()), jsonMap(model.fabricModuleExtras)));
        }
        List<io.glio.saveconfig.StorageObject> sos = new ArrayList<>();
        for (StorageObject so : model.storageObjects) {
            sos.add(storageObject(so));
        }
        // rtslib lists targets fabric module by fabric module (its fabric order), each
        // fabric's targets in configfs order.
        List<io.glio.saveconfig.Target> targets = new ArrayList<>();
        for (Fabric fabric : Fabric.values()) {
            for (Target t : model.targets) {
                if (t.fabric() == fabric) {
                    targets.add(target(t));
                }
            }
        }
        return new SaveConfig(fabricModules, sos, targets, jsonMap(model.topLevelExtras));
    }

    static io.glio.saveconfig.StorageObject storageObject(StorageObject so) {
        Plugin p = so.plugin();
        boolean fileio = p == Plugin.FILEIO;
        boolean block = p == Plugin.BLOCK;
        boolean user = p == Plugin.USER;
        boolean ramdisk = p == Plugin.RAMDISK;
        String dev = (fileio || block || p == Plugin.PSCSI) ? keep(so, "dev", so.dev) : null;
        Long size = (fileio || ramdisk || user) ? keep(so, "size", so.size) : null;
        String wwn = p != Plugin.PSCSI ? keep(so, "wwn", so.wwn) : null;
        Boolean writeBack = (fileio || block) ? keep(so, "write_back", so.writeBack()) : null;
        Boolean readonly = block ? keep(so, "readonly", so.readonly()) : null;
        Boolean aio = fileio ? keep(so, "aio", so.aio()) : null;
        Boolean nullio = (ramdisk && so.nullio) ? Boolean.TRUE
                : ((ramdisk && so.absentKeys.contains("nullio=false")) ? Boolean.FALSE : null);
        String config = user ? keep(so, "config", so.config) : null;
        String control = user ? keep(so, "control", so.control) : null;
        Integer hwMax = user ? keep(so, "hw_max_sectors", (int) so.hwMaxSectors()) : null;
        List<AluaTpg> alua = new ArrayList<>();
        for (AluaGroup g : so.aluaGroups) {
            Map<String, JsonNode> params = new LinkedHashMap<>();
            g.parameters.forEach((k, v) -> params.put(k, NODES.numberNode(v)));
            params.putAll(jsonMap(g.unknownKeys));
            alua.add(new AluaTpg(g.name(), g.id(), params));
        }
        return new io.glio.saveconfig.StorageObject(p.saveName(), so.name(), dev, size, wwn, writeBack,
                readonly, aio, nullio, config, control, hwMax, attributes(so.attributes, true), alua,
                jsonMap(so.unknownKeys));
    }

    /** A plugin key's value, or null when the loaded entry did not have the key. */
    private static <T> T keep(StorageObject so, String key, T value) {
        return so.absentKeys.contains(key) ? null : value;
    }

    private static io.glio.saveconfig.Target target(Target t) {
        List<io.glio.saveconfig.Tpg> tpgs = new ArrayList<>();
        for (Tpg tpg : t.tpgs) {
            tpgs.add(tpg(tpg));
        }
        return new io.glio.saveconfig.Target(t.fabric().rtslibName(), t.wwn(),
                attributes(t.parameters, false), tpgs, jsonMap(t.unknownKeys));
    }

    private static io.glio.saveconfig.Tpg tpg(Tpg tpg) {
        List<io.glio.saveconfig.Lun> luns = new ArrayList<>();
        for (Lun lun : tpg.luns) {
            Map<String, JsonNode> extra = jsonMap(lun.unknownKeys);
            if (lun.aluaGroupName == null) {
                extra.put("alua_tg_pt_gp_name", NODES.nullNode());
            }
            luns.add(new io.glio.saveconfig.Lun(lun.index(), lun.storageObject().savePath(),
                    lun.alias(), lun.aluaGroupName, extra));
        }
        List<io.glio.saveconfig.Portal> portals = new ArrayList<>();
        for (Portal p : tpg.portals) {
            portals.add(new io.glio.saveconfig.Portal(p.ipAddress(), p.port(), p.iser, p.offload,
                    jsonMap(p.unknownKeys)));
        }
        List<io.glio.saveconfig.NodeAcl> acls = new ArrayList<>();
        for (NodeAcl acl : tpg.nodeAcls) {
            acls.add(nodeAcl(acl));
        }
        Chap chap = tpg.fabric().has(FabricFeature.AUTH) ? chap(tpg.chap) : Chap.NONE;
        return new io.glio.saveconfig.Tpg(tpg.tag(), tpg.enabled, attributes(tpg.attributes, true),
                attributes(tpg.parameters, false), luns, portals, acls, chap, jsonMap(tpg.unknownKeys));
    }

    private static io.glio.saveconfig.NodeAcl nodeAcl(NodeAcl acl) {
        List<io.glio.saveconfig.MappedLun> mapped = new ArrayList<>();
        for (MappedLun m : acl.mappedLuns) {
            mapped.add(new io.glio.saveconfig.MappedLun(m.index(), m.tpgLun().index(), m.writeProtect,
                    m.alias(), jsonMap(m.unknownKeys)));
        }
        Chap chap = acl.tpg().fabric().has(FabricFeature.AUTH) ? chap(acl.chap) : Chap.NONE;
        return new io.glio.saveconfig.NodeAcl(acl.nodeWwn(), attributes(acl.attributes, true), mapped,
                acl.tag, (JsonNode) acl.tcqDepth, chap, jsonMap(acl.unknownKeys));
    }

    /**
     * rtslib's {@code CFSNode.dump}: the writable files, ints where the value parses as an int
     * (attributes) or always strings (parameters); the key only when there is at least one.
     */
    private static Map<String, JsonNode> attributes(Attributes attrs, boolean numeric) {
        if (attrs.writable().isEmpty()) {
            return null;
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        attrs.writable().forEach((k, v) -> out.put(k, numeric ? number(v) : NODES.textNode(v)));
        return out;
    }

    private static JsonNode number(String value) {
        String v = value.strip();
        if (v.matches("[+-]?[0-9]+")) {
            return NODES.numberNode(new java.math.BigInteger(v.startsWith("+") ? v.substring(1) : v));
        }
        return NODES.textNode(value);
    }

    /** rtslib writes a CHAP key only when its value is non-empty. */
    private static Chap chap(ChapCredentials c) {
        return new Chap(emptyToNull(c.userid()), emptyToNull(c.password()),
                emptyToNull(c.mutualUserid()), emptyToNull(c.mutualPassword()));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static Map<String, JsonNode> jsonMap(Map<String, Object> values) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, (JsonNode) v));
        return out;
    }
}
