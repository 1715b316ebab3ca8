package io.glio.engine.model;

import io.glio.engine.model.ModelEvent.Aspect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;

/** Target, TPG, portal and discovery-auth mutations of {@link TargetModel} (rtslib target.py, fabric.py). */
final class FabricOps {

    private final TargetModel model;

    FabricOps(TargetModel model) {
        this.model = model;
    }

    Target createTarget(Fabric fabric, String wwn) {
        NormalizedWwn normalized;
        if (wwn != null) {
            normalized = Wwns.normalizeTarget(fabric, wwn);
        } else if (!fabric.hardwareWwns()) {
            WwnType type = fabric.wwnTypes().get(0);
            normalized = new NormalizedWwn(Wwns.generate(type, model.environment()), type);
        } else {
            throw new InvalidValueException("Fabric cannot generate WWN but it was not given");
        }
        if (model.target(fabric, normalized.wwn()).isPresent()) {
            throw new AlreadyExistsException("This Target already exists in configFS");
        }
        Target target = new Target(fabric, normalized.wwn(), normalized.type());
        model.targets.add(target);
        model.emit(new ModelEvent.TargetAdded(target));
        if (!fabric.has(FabricFeature.TPGTS)) {
            // targetcli's merged target+TPG node creates TPG 1 and enables it.
            addTpg(target, 1);
        }
        return target;
    }

    void deleteTarget(Fabric fabric, String wwn) {
        String normalized = Wwns.normalizeTarget(fabric, wwn).wwn();
        Target target = model.target(fabric, normalized).orElseThrow(() -> new NotFoundException(
                "No such Target in configfs: " + ConfigfsPaths.target(fabric, normalized)));
        removeTarget(target);
    }

    void removeTarget(Target target) {
        for (Tpg tpg : new ArrayList<>(target.tpgs)) {
            removeTpg(tpg);
        }
        model.targets.remove(target);
        model.emit(new ModelEvent.TargetRemoved(target));
    }

    Tpg createTpg(Target target, Integer tag) {
        model.checkAlive(target);
        int t;
        if (tag == null) {
            Set<Integer> used = new HashSet<>();
            target.tpgs.forEach(x -> used.add(x.tag()));
            t = 1;
            while (used.contains(t)) {
                t++;
            }
        } else {
            t = tag;
            if (t < 0) {
                throw new InvalidValueException("The TPG Tag must be >=0");
            }
        }
        if (target.tpg(t).isPresent()) {
            throw new AlreadyExistsException("This TPG already exists in configFS");
        }
        if (!target.fabric().has(FabricFeature.TPGTS) && !target.tpgs.isEmpty()) {
            throw new InvalidValueException("Target cannot have multiple TPGs");
        }
        if (t > 65535) {
            throw new InvalidValueException("Could not create TPG in configFS");
        }
        return addTpg(target, t);
    }

    private Tpg addTpg(Target target, int tag) {
        Tpg tpg = new Tpg(target, tag);
        if (target.fabric().has(FabricFeature.NEXUS)) {
            tpg.nexus = Wwns.generate(target.wwnType(), model.environment());
        }
        target.tpgs.add(tpg);
        model.emit(new ModelEvent.TpgAdded(tpg));
        return tpg;
    }

    void deleteTpg(Target target, int tag) {
        model.checkAlive(target);
        Tpg tpg = target.tpg(tag).orElseThrow(() -> new NotFoundException("No such TPG in configfs: "
                + ConfigfsPaths.tpg(target.fabric(), target.wwn(), tag)));
        removeTpg(tpg);
    }

    /** rtslib {@code TPG.delete}: disable, ACLs (with mapped LUNs), LUNs, portals, then the TPG. */
    void removeTpg(Tpg tpg) {
        if (tpg.fabric().tpgHasEnable() && tpg.enabled) {
            tpg.enabled = false;
            model.emit(new ModelEvent.TpgDisabled(tpg));
        }
        for (NodeAcl acl : new ArrayList<>(tpg.nodeAcls)) {
            ExportOps.removeNodeAcl(model, acl);
        }
        for (Lun lun : new ArrayList<>(tpg.luns)) {
            ExportOps.removeLun(model, lun);
        }
        for (Portal portal : new ArrayList<>(tpg.portals)) {
            tpg.portals.remove(portal);
            model.emit(new ModelEvent.PortalRemoved(portal));
        }
        tpg.target().tpgs.remove(tpg);
        model.emit(new ModelEvent.TpgRemoved(tpg));
    }

    boolean setEnabled(Tpg tpg, boolean enabled) {
        model.checkAlive(tpg);
        if (!tpg.fabric().tpgHasEnable() || tpg.enabled == enabled) {
            return false;
        }
        tpg.enabled = enabled;
        model.emit(enabled ? new ModelEvent.TpgEnabled(tpg) : new ModelEvent.TpgDisabled(tpg));
        return true;
    }

    void setTpgAttribute(Tpg tpg, String name, String value) {
        model.checkAlive(tpg);
        tpg.attributes.put(name, AttributeRules.check(tpg.attributes, name, value));
        model.emit(new ModelEvent.TpgChanged(tpg, Aspect.ATTRIBUTES));
    }

    void setTpgParameter(Tpg tpg, String name, String value) {
        model.checkAlive(tpg);
        tpg.parameters.put(name, AttributeRules.checkParameter(tpg.parameters, name, value, false));
        model.emit(new ModelEvent.TpgChanged(tpg, Aspect.PARAMETERS));
    }

    void setTpgAuth(Tpg tpg, AuthField field, String value) {
        model.checkAlive(tpg);
        String v = AttributeRules.checkAuth(value);
        if (!tpg.fabric().has(FabricFeature.AUTH)) {
            // rtslib ignores the missing auth/ files of such fabrics.
            return;
        }
        tpg.chap = tpg.chap.with(field, v);
        model.emit(new ModelEvent.TpgChanged(tpg, Aspect.AUTH));
    }

    void setTargetParameter(Target target, String name, String value) {
        model.checkAlive(target);
        target.parameters.put(name, AttributeRules.checkParameter(target.parameters, name, value, true));
    }

    Portal createPortal(Tpg tpg, String ipAddress, int port) {
        model.checkAlive(tpg);
        if (tpg.portal(ipAddress, port).isPresent()) {
            throw new AlreadyExistsException("This NetworkPortal already exists in configFS");
        }
        if (!tpg.fabric().has(FabricFeature.NPS) || port < 0 || port > 65535
                || ipAddress.isEmpty() || ipAddress.contains("/")) {
            throw new InvalidValueException("Could not create NetworkPortal in configFS");
        }
        if (PortalRules.conflicts(model, tpg, ipAddress, port)) {
            throw new InvalidValueException("Could not create NetworkPortal in configFS");
        }
        // Last: with an engine this binds the listener, which must not happen for a refused portal.
        model.portalGuard().admit(ipAddress, port);
        Portal portal = new Portal(tpg, ipAddress, port);
        tpg.portals.add(portal);
        model.emit(new ModelEvent.PortalAdded(portal));
        return portal;
    }

    void deletePortal(Tpg tpg, String ipAddress, int port) {
        model.checkAlive(tpg);
        Portal portal = tpg.portal(ipAddress, port).orElseThrow(() -> new NotFoundException(
                "No such NetworkPortal in configfs: " + tpg.configfsPath() + "/np/" + ipAddress + ":" + port));
        tpg.portals.remove(portal);
        model.emit(new ModelEvent.PortalRemoved(portal));
    }

    void setPortalFlag(Portal portal, boolean iserFlag, boolean value) {
        model.checkAlive(portal.tpg());
        if (!portal.tpg().portals.contains(portal)) {
            throw new NotFoundException("This NetworkPortal does not exist in configFS");
        }
        if (iserFlag) {
            portal.iser = value;
        } else {
            portal.offload = value;
        }
        model.emit(new ModelEvent.PortalChanged(portal));
    }

    void setDiscoveryEnabled(boolean enabled) {
        model.discoveryAuth = new DiscoveryAuth(enabled, model.discoveryAuth.credentials());
        model.emit(new ModelEvent.DiscoveryAuthChanged(model.discoveryAuth));
    }

    void setDiscoveryAuth(AuthField field, String value) {
        String v = AttributeRules.checkAuth(value);
        DiscoveryAuth d = model.discoveryAuth;
        model.discoveryAuth = new DiscoveryAuth(d.enabled(), d.credentials().with(field, v));
        model.emit(new ModelEvent.DiscoveryAuthChanged(model.discoveryAuth));
    }

    void clearExisting(String target, String storageObject) {
        boolean all = target == null && storageObject == null;
        for (Target t : new ArrayList<>(model.targets)) {
            if (all || (target != null && t.wwn().equals(target))) {
                removeTarget(t);
                if (target != null) {
                    break;
                }
            }
        }
        model.fabricModuleExtras.clear();
        if (all) {
            model.topLevelExtras.clear();
        }
        if (!model.discoveryAuth.equals(DiscoveryAuth.DISABLED)) {
            model.discoveryAuth = DiscoveryAuth.DISABLED;
            model.emit(new ModelEvent.DiscoveryAuthChanged(model.discoveryAuth));
        }
        BackstoreOps backstores = new BackstoreOps(model);
        for (StorageObject so : new ArrayList<>(model.storageObjects)) {
            if (all || (storageObject != null && so.name().equals(storageObject))) {
                backstores.delete(so);
                if (storageObject != null) {
                    break;
                }
            }
        }
    }
}
