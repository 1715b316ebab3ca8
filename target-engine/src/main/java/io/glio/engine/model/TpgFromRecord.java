package io.glio.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.glio.saveconfig.Chap;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Restores one TPG entry as rtslib's {@code TPG.setup} does: attributes, parameters, LUNs,
 * portals, node ACLs (attributes, mapped LUNs, tag and CHAP), then enable, then the TPG's CHAP
 * keys; each failure is reported with rtslib's text and the rest goes on.
 */
final class TpgFromRecord {

    private final TargetModel model;
    private final Target target;
    private final Consumer<String> error;

    TpgFromRecord(TargetModel model, Target target, Consumer<String> error) {
        this.model = model;
        this.target = target;
        this.error = error;
    }

    void restore(io.glio.saveconfig.Tpg rec) {
        Tpg tpg = tpgFor(rec.tag());
        if (tpg == null) {
            return;
        }
        applyValues(tpg.attributes, rec.attributes(), false);
        applyValues(tpg.parameters, rec.parameters(), true);
        tpg.unknownKeys.putAll(rec.extra());
        if (!target.tpgs.contains(tpg)) {
            target.tpgs.add(tpg);
            model.emit(new ModelEvent.TpgAdded(tpg));
        }
        for (io.glio.saveconfig.Lun lun : orEmpty(rec.luns())) {
            restoreLun(tpg, lun);
        }
        for (io.glio.saveconfig.Portal p : orEmpty(rec.portals())) {
            restorePortal(tpg, p);
        }
        for (io.glio.saveconfig.NodeAcl acl : orEmpty(rec.nodeAcls())) {
            restoreNodeAcl(tpg, acl);
        }
        boolean enable = rec.enable() == null || rec.enable();
        new FabricOps(model).setEnabled(tpg, enable);
        if (target.fabric().has(FabricFeature.AUTH)) {
            tpg.chap = applyChap(tpg.chap, rec.chap(),
                    field -> "Could not set tpg " + tpg.tag() + " attribute 'chap_" + field + "'");
            if (!rec.chap().isEmpty()) {
                model.emit(new ModelEvent.TpgChanged(tpg, ModelEvent.Aspect.AUTH));
            }
        }
    }

    /** rtslib {@code TPG(target, tag)} in mode 'any': an existing TPG of that tag is reused. */
    private Tpg tpgFor(Integer tag) {
        int t;
        if (tag == null) {
            t = 1;
            while (target.tpg(t).isPresent()) {
                t++;
            }
        } else {
            t = tag;
        }
        Optional<Tpg> existing = target.tpg(t);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (t < 0) {
            error.accept("The TPG Tag must be >=0");
            return null;
        }
        if (!target.fabric().has(FabricFeature.TPGTS) && !target.tpgs.isEmpty()) {
            error.accept("Target cannot have multiple TPGs");
            return null;
        }
        Tpg tpg = new Tpg(target, t);
        if (target.fabric().has(FabricFeature.NEXUS)) {
            // The loopback nexus is not saved; a restore generates a new one as rtslib does.
            tpg.nexus = Wwns.generate(target.wwnType(), model.environment());
        }
        return tpg;
    }

    private void applyValues(Attributes values, Map<String, JsonNode> rec, boolean parameters) {
        if (rec == null) {
            return;
        }
        Set<String> accepted = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> e : rec.entrySet()) {
            String text = SaveconfigRestore.text(e.getValue());
            try {
                String v = parameters
                        ? AttributeRules.checkParameter(values, e.getKey(), text, true)
                        : AttributeRules.checkAttribute(values, e.getKey(), text, true);
                values.put(e.getKey(), v);
            } catch (ModelException ex) {
                error.accept(ex.getMessage());
            }
            // A refused value leaves the file (and its default) in place.
            if (values.isWritable(e.getKey())) {
                accepted.add(e.getKey());
            }
        }
        values.retainWritable(accepted);
    }

    /** Reports an entry the file lacks a required key for; true when it must be skipped. */
    private boolean missing(Tpg tpg, Map<String, JsonNode> extra) {
        String text = MissingKeys.error(extra);
        if (text == null) {
            return false;
        }
        error.accept(text.replace("%TAG%", Integer.toString(tpg.tag())));
        return true;
    }

    private void restoreLun(Tpg tpg, io.glio.saveconfig.Lun rec) {
        if (missing(tpg, rec.extra())) {
            return;
        }
        String[] parts = rec.storageObject().split("/", -1);
        if (parts.length != 4) {
            error.accept("Malformed storage object field for LUN " + rec.index());
            return;
        }
        StorageObject so = null;
        for (StorageObject candidate : model.storageObjects) {
            if (candidate.name().equals(parts[3]) && candidate.plugin().saveName().equals(parts[2])) {
                so = candidate;
                break;
            }
        }
        if (so == null) {
            error.accept("Could not find matching StorageObject for LUN " + rec.index());
            return;
        }
        Lun lun;
        try {
            lun = new ExportOps(model).createLun(tpg, rec.index(), so, rec.alias());
        } catch (ModelException e) {
            error.accept("Creating TPG " + tpg.tag() + " LUN index " + rec.index() + " failed");
            return;
        }
        Map<String, JsonNode> extra = new java.util.LinkedHashMap<>(rec.extra());
        extra.remove("alua_tg_pt_gp_name");
        lun.unknownKeys.putAll(extra);
        String group = rec.aluaTgPtGpName();
        if (group != null && lun.aluaGroupName != null && so.aluaGroup(group).isPresent()) {
            lun.aluaGroupName = group;
        }
    }

    private void restorePortal(Tpg tpg, io.glio.saveconfig.Portal rec) {
        if (missing(tpg, rec.extra())) {
            return;
        }
        try {
            // rtslib opens portals in mode 'any': a repeated ip:port reuses the first.
            Portal p = tpg.portal(rec.ipAddress(), rec.port()).orElse(null);
            if (p == null) {
                p = new FabricOps(model).createPortal(tpg, rec.ipAddress(), rec.port());
            }
            p.iser = Boolean.TRUE.equals(rec.iser());
            p.offload = Boolean.TRUE.equals(rec.offload());
            p.unknownKeys.putAll(rec.extra());
        } catch (ModelException e) {
            error.accept("Creating NetworkPortal object " + rec.ipAddress() + ":" + rec.port()
                    + " failed: " + e.getMessage());
        }
    }

    private void restoreNodeAcl(Tpg tpg, io.glio.saveconfig.NodeAcl rec) {
        if (missing(tpg, rec.extra())) {
            return;
        }
        ExportOps exports = new ExportOps(model);
        NodeAcl acl;
        try {
            String wwn = Wwns.normalize(tpg.fabric().wwnTypes(), rec.nodeWwn()).wwn();
            acl = tpg.nodeAcl(wwn).orElse(null);
            if (acl == null) {
                acl = exports.createNodeAcl(tpg, rec.nodeWwn());
            }
        } catch (ModelException e) {
            error.accept("Error when creating NodeACL for " + rec.nodeWwn() + ": " + e.getMessage());
            return;
        }
        applyValues(acl.attributes, rec.attributes(), false);
        for (io.glio.saveconfig.MappedLun m : orEmpty(rec.mappedLuns())) {
            if (missing(tpg, m.extra())) {
                continue;
            }
            if (tpg.lun(m.tpgLun()).isEmpty()) {
                error.accept("Could not find matching TPG LUN " + m.tpgLun() + " for MappedLUN " + m.index());
                continue;
            }
            try {
                MappedLun mapped = exports.createMappedLun(acl, m.index(), m.tpgLun(),
                        Boolean.TRUE.equals(m.writeProtect()), m.alias());
                mapped.unknownKeys.putAll(m.extra());
            } catch (ModelException e) {
                error.accept("Creating MappedLUN object " + m.index() + " failed");
            }
        }
        String wwn = acl.nodeWwn();
        if (rec.tag() != null && !rec.tag().isEmpty()) {
            acl.tag = rec.tag();
        }
        acl.tcqDepth = rec.tcqDepth();
        if (tpg.fabric().has(FabricFeature.AUTH)) {
            acl.chap = applyChap(acl.chap, rec.chap(),
                    field -> "Could not set nodeacl " + wwn + " attribute 'chap_" + field + "'");
        }
        acl.unknownKeys.putAll(rec.extra());
    }

    private ChapCredentials applyChap(ChapCredentials current, Chap rec,
                                      java.util.function.Function<String, String> failure) {
        ChapCredentials out = current;
        for (AuthField f : AuthField.values()) {
            String v = switch (f) {
                case USERID -> rec.userid();
                case PASSWORD -> rec.password();
                case MUTUAL_USERID -> rec.mutualUserid();
                case MUTUAL_PASSWORD -> rec.mutualPassword();
            };
            if (v == null || v.isEmpty()) {
                continue;
            }
            try {
                out = out.with(f, AttributeRules.checkAuth(v));
            } catch (ModelException e) {
                error.accept(failure.apply(f.rtslibName()));
            }
        }
        return out;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
