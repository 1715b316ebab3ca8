package io.glio.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.glio.saveconfig.AluaTpg;
import io.glio.saveconfig.FabricModule;
import io.glio.saveconfig.SaveConfig;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * saveconfig records → model with rtslib's {@code RTSRoot.restore} semantics: optional clear,
 * refusal when names clash without clear, target/storage-object filters, and per-object
 * recoverable errors with rtslib's texts (each ending in {@code , skipped}). Deliberate
 * differences, all to lose nothing a file holds: unknown keys ride along instead of failing
 * the object, a missing backing file or device keeps the object (runtime status
 * {@code not available: …}), the default ALUA group's settings and target-level parameters
 * are applied, and the file's list order is kept.
 */
final class SaveconfigRestore {

    private final TargetModel model;
    private final BackstoreOps backstores;
    private final List<String> errors = new ArrayList<>();

    SaveconfigRestore(TargetModel model) {
        this.model = model;
        this.backstores = new BackstoreOps(model);
    }

    List<String> restore(SaveConfig config, RestoreOptions options) {
        String target = options.target();
        String soFilter = options.storageObject();
        List<io.glio.saveconfig.StorageObject> sos = orEmpty(config.storageObjects());
        List<io.glio.saveconfig.Target> targets = orEmpty(config.targets());
        if (options.clearExisting()) {
            new FabricOps(model).clearExisting(target, soFilter);
        } else {
            checkConflicts(sos, targets);
        }
        boolean all = target == null && soFilter == null;
        for (io.glio.saveconfig.StorageObject so : sos) {
            String missing = MissingKeys.error(so.extra());
            if (missing != null) {
                error(missing);
                continue;
            }
            if (all || (soFilter != null && so.name().equals(soFilter))) {
                restoreStorageObject(so);
                if (soFilter != null) {
                    break;
                }
            }
        }
        for (FabricModule fm : orEmpty(config.fabricModules())) {
            String missing = MissingKeys.error(fm.extra());
            if (missing != null) {
                error(missing);
                continue;
            }
            restoreFabricModule(fm);
        }
        for (io.glio.saveconfig.Target t : targets) {
            String missing = MissingKeys.error(t.extra());
            if (missing != null && missing.startsWith("'wwn'")) {
                error(missing);
                continue;
            }
            if (all || (target != null && t.wwn().equals(target))) {
                if (missing != null) {
                    error(missing);
                    if (target != null) {
                        break;
                    }
                    continue;
                }
                restoreTarget(t);
                if (target != null) {
                    break;
                }
            }
        }
        if (all) {
            model.topLevelExtras.putAll(config.extra());
        }
        return List.copyOf(errors);
    }

    private void checkConflicts(List<io.glio.saveconfig.StorageObject> sos,
                                List<io.glio.saveconfig.Target> targets) {
        for (io.glio.saveconfig.StorageObject c : sos) {
            if (MissingKeys.error(c.extra()) != null) {
                continue;
            }
            for (StorageObject loaded : model.storageObjects) {
                if (c.name().equals(loaded.name()) && c.plugin().equals(loaded.plugin().saveName())) {
                    throw new RestoreConflictException("storageobject '" + loaded.plugin().saveName()
                            + ":" + loaded.name() + "' exist not restoring");
                }
            }
        }
        for (io.glio.saveconfig.Target c : targets) {
            if (MissingKeys.error(c.extra()) != null) {
                continue;
            }
            for (Target loaded : model.targets) {
                if (c.wwn().equals(loaded.wwn())) {
                    throw new RestoreConflictException(
                            "target with wwn " + loaded.wwn() + " exist, not restoring");
                }
            }
        }
    }

    private void error(String text) {
        errors.add(text + ", skipped");
    }

    // ------------------------------------------------------------ storage objects

    private void restoreStorageObject(io.glio.saveconfig.StorageObject rec) {
        Optional<Plugin> plugin = Plugin.fromSaveconfig(rec.plugin());
        if (plugin.isEmpty()) {
            error("'plugin' not defined or invalid in storageobject " + rec.name());
            return;
        }
        StorageObject so;
        try {
            so = new StorageObjectFromRecord(model, backstores).create(plugin.get(), rec);
        } catch (ModelException e) {
            error("Could not create StorageObject " + rec.name() + ": " + e.getMessage());
            return;
        }
        if (rec.attributes() != null) {
            Set<String> accepted = new LinkedHashSet<>();
            for (Map.Entry<String, JsonNode> a : rec.attributes().entrySet()) {
                try {
                    String v = AttributeRules.checkAttribute(so.attributes, a.getKey(), text(a.getValue()), true);
                    so.attributes.put(a.getKey(), v);
                } catch (ModelException e) {
                    error("Storage Object " + rec.plugin() + "/" + rec.name() + ": " + e.getMessage());
                }
                // A refused value leaves the file (and its default) in place.
                if (so.attributes.isWritable(a.getKey())) {
                    accepted.add(a.getKey());
                }
            }
            so.attributes.retainWritable(accepted);
        }
        restoreAlua(so, rec.aluaTpgs());
        so.unknownKeys.putAll(rec.extra());
        backstores.add(so);
    }

    private void restoreAlua(StorageObject so, List<AluaTpg> groups) {
        if (groups == null || !so.aluaSupported()) {
            return;
        }
        List<AluaGroup> order = new ArrayList<>();
        for (AluaTpg rec : groups) {
            String missing = MissingKeys.error(rec.params());
            if (missing != null) {
                if (!missing.isEmpty()) {
                    error(missing);
                }
                continue;
            }
            AluaGroup group = so.aluaGroup(rec.name()).orElse(null);
            if (group == null) {
                int id = rec.tgPtGpId() == null ? 0 : rec.tgPtGpId();
                if (id < 1 || id > 65535) {
                    error("The TPG Tag must be between 1 and 65535");
                    continue;
                }
                if (so.aluaGroups.stream().anyMatch(g -> g.id() == id)) {
                    error("Cannot set id to " + id + ": [Errno 22] Invalid argument");
                    continue;
                }
                group = new AluaGroup(so, rec.name(), id);
                so.aluaGroups.add(group);
            }
            for (Map.Entry<String, JsonNode> p : rec.params().entrySet()) {
                if (!KernelDefaults.ALUA_DEFAULTS.containsKey(p.getKey())) {
                    group.unknownKeys.put(p.getKey(), p.getValue());
                    continue;
                }
                try {
                    if (!p.getValue().isIntegralNumber()) {
                        throw new InvalidValueException("not a number");
                    }
                    AluaRules.check(p.getKey(), p.getValue().longValue());
                    group.parameters.put(p.getKey(), p.getValue().longValue());
                } catch (ModelException e) {
                    error("Could not set attribute '" + p.getKey() + "' for alua tpg '" + rec.name() + "'");
                }
            }
            if (!order.contains(group)) {
                order.add(group);
            }
        }
        for (AluaGroup g : so.aluaGroups) {
            if (!order.contains(g)) {
                order.add(g);
            }
        }
        so.aluaGroups.clear();
        so.aluaGroups.addAll(order);
    }

    // ------------------------------------------------------------ fabric modules

    private void restoreFabricModule(FabricModule fm) {
        if (!fm.name().equals(Fabric.ISCSI.rtslibName())) {
            // rtslib only sets up fabric modules it has; others have no discovery auth to restore.
            return;
        }
        ChapCredentials creds = model.discoveryAuth.credentials();
        String[] values = {fm.discoveryAuth().userid(), fm.discoveryAuth().password(),
                fm.discoveryAuth().mutualUserid(), fm.discoveryAuth().mutualPassword()};
        AuthField[] fields = AuthField.values();
        for (int i = 0; i < fields.length; i++) {
            if (values[i] != null) {
                try {
                    creds = creds.with(fields[i], AttributeRules.checkAuth(values[i]));
                } catch (ModelException e) {
                    error("Could not set fabric " + fm.name() + " attribute 'discovery_" + fields[i].rtslibName() + "'");
                }
            }
        }
        boolean enabled = fm.discoveryEnableAuth() != null ? fm.discoveryEnableAuth() : model.discoveryAuth.enabled();
        model.discoveryAuth = new DiscoveryAuth(enabled, creds);
        model.fabricModuleExtras.putAll(fm.extra());
        model.emit(new ModelEvent.DiscoveryAuthChanged(model.discoveryAuth));
    }

    // ------------------------------------------------------------ targets

    private void restoreTarget(io.glio.saveconfig.Target rec) {
        Optional<Fabric> fabric = Fabric.byName(rec.fabric());
        if (fabric.isEmpty()) {
            error("Unknown fabric '" + rec.fabric() + "'");
            return;
        }
        NormalizedWwn wwn;
        try {
            wwn = Wwns.normalizeTarget(fabric.get(), rec.wwn());
        } catch (ModelException e) {
            error("Could not create Target object: " + e.getMessage());
            return;
        }
        Target target = model.target(fabric.get(), wwn.wwn()).orElse(null);
        if (target == null) {
            target = new Target(fabric.get(), wwn.wwn(), wwn.type());
            model.targets.add(target);
            model.emit(new ModelEvent.TargetAdded(target));
        }
        if (rec.parameters() != null) {
            for (Map.Entry<String, JsonNode> p : rec.parameters().entrySet()) {
                try {
                    target.parameters.put(p.getKey(), AttributeRules.checkParameter(
                            target.parameters, p.getKey(), text(p.getValue()), true));
                } catch (ModelException e) {
                    error(e.getMessage());
                }
            }
        }
        target.unknownKeys.putAll(rec.extra());
        for (io.glio.saveconfig.Tpg tpg : orEmpty(rec.tpgs())) {
            new TpgFromRecord(model, target, this::error).restore(tpg);
        }
    }

    /** A JSON value as the text rtslib would write into a configfs file ({@code str(value)}). */
    static String text(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue() ? "True" : "False";
        }
        if (value.isNull()) {
            return "None";
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
