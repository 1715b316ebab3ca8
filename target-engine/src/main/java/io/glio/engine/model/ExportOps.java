package io.glio.engine.model;

import io.glio.engine.model.ModelEvent.Aspect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;

/** LUN, node ACL and mapped-LUN mutations of {@link TargetModel} (rtslib target.py). */
final class ExportOps {

    static final int MAX_TARGET_LUN = 65535;
    static final int MAX_MAPPED_LUN = 255;

    private final TargetModel model;

    ExportOps(TargetModel model) {
        this.model = model;
    }

    Lun createLun(Tpg tpg, Integer index, StorageObject so, String alias) {
        model.checkAlive(tpg);
        int lunIndex;
        if (index == null) {
            Set<Integer> used = new HashSet<>();
            tpg.luns.forEach(l -> used.add(l.index()));
            lunIndex = -1;
            for (int i = 0; i <= MAX_TARGET_LUN; i++) {
                if (!used.contains(i)) {
                    lunIndex = i;
                    break;
                }
            }
            if (lunIndex < 0) {
                throw new InvalidValueException("All LUNs 0-" + MAX_TARGET_LUN + " in use");
            }
        } else {
            lunIndex = index;
            if (lunIndex < 0 || lunIndex > MAX_TARGET_LUN) {
                throw new InvalidValueException("LUN must be 0 to " + MAX_TARGET_LUN);
            }
        }
        if (tpg.lun(lunIndex).isPresent()) {
            throw new AlreadyExistsException("This LUN already exists in configFS");
        }
        String linkName;
        if (alias == null) {
            linkName = Wwns.generateAlias(model.environment());
        } else {
            linkName = alias.strip();
            if (linkName.contains("/")) {
                // rtslib passes the alias as a second exception argument; str() shows the tuple.
                throw new InvalidValueException("('Invalid alias: %s', '" + linkName + "')");
            }
        }
        if (so == null || !model.storageObjects.contains(so)) {
            throw new NotFoundException("storage_object does not exist in configFS");
        }
        Lun lun = new Lun(tpg, lunIndex, so, linkName);
        lun.aluaGroupName = so.aluaSupported() ? AluaGroup.DEFAULT_NAME : null;
        tpg.luns.add(lun);
        so.luns.add(lun);
        model.emit(new ModelEvent.LunAdded(lun));
        return lun;
    }

    void deleteLun(Tpg tpg, int index) {
        model.checkAlive(tpg);
        Lun lun = tpg.lun(index).orElseThrow(() -> new NotFoundException(
                "No such LUN in configfs: " + tpg.configfsPath() + "/lun/lun_" + index));
        removeLun(model, lun);
    }

    /** rtslib {@code LUN.delete}: the mapped LUNs pointing at it first. */
    static void removeLun(TargetModel model, Lun lun) {
        for (MappedLun m : lun.mappedLuns()) {
            m.nodeAcl().mappedLuns.remove(m);
            model.emit(new ModelEvent.MappedLunRemoved(m));
        }
        lun.tpg().luns.remove(lun);
        lun.storageObject().luns.remove(lun);
        model.emit(new ModelEvent.LunRemoved(lun));
    }

    boolean setLunAluaGroup(Lun lun, String groupName) {
        checkAlive(lun);
        if (lun.aluaGroupName == null || !lun.storageObject().aluaGroup(groupName).isPresent()) {
            return false;
        }
        if (!groupName.equals(lun.aluaGroupName)) {
            lun.aluaGroupName = groupName;
            model.emit(new ModelEvent.LunChanged(lun));
        }
        return true;
    }

    NodeAcl createNodeAcl(Tpg tpg, String nodeWwn) {
        model.checkAlive(tpg);
        String wwn = Wwns.normalize(tpg.fabric().wwnTypes(), nodeWwn).wwn();
        if (tpg.nodeAcl(wwn).isPresent()) {
            throw new AlreadyExistsException("This NodeACL already exists in configFS");
        }
        if (!tpg.fabric().has(FabricFeature.ACLS)) {
            throw new InvalidValueException("Could not create NodeACL in configFS");
        }
        NodeAcl acl = new NodeAcl(tpg, wwn);
        tpg.nodeAcls.add(acl);
        model.emit(new ModelEvent.NodeAclAdded(acl));
        return acl;
    }

    void deleteNodeAcl(Tpg tpg, String nodeWwn) {
        model.checkAlive(tpg);
        String wwn = Wwns.normalize(tpg.fabric().wwnTypes(), nodeWwn).wwn();
        NodeAcl acl = tpg.nodeAcl(wwn).orElseThrow(() -> new NotFoundException(
                "No such NodeACL in configfs: " + tpg.configfsPath() + "/acls/"
                        + tpg.fabric().toFabricWwn(wwn)));
        removeNodeAcl(model, acl);
    }

    static void removeNodeAcl(TargetModel model, NodeAcl acl) {
        for (MappedLun m : new ArrayList<>(acl.mappedLuns)) {
            acl.mappedLuns.remove(m);
            model.emit(new ModelEvent.MappedLunRemoved(m));
        }
        acl.tpg().nodeAcls.remove(acl);
        model.emit(new ModelEvent.NodeAclRemoved(acl));
    }

    void setNodeAclAttribute(NodeAcl acl, String name, String value) {
        checkAlive(acl);
        acl.attributes.put(name, AttributeRules.check(acl.attributes, name, value));
        model.emit(new ModelEvent.NodeAclChanged(acl, Aspect.ATTRIBUTES));
    }

    void setNodeAclAuth(NodeAcl acl, AuthField field, String value) {
        checkAlive(acl);
        String v = AttributeRules.checkAuth(value);
        if (!acl.tpg().fabric().has(FabricFeature.AUTH)) {
            throw new InvalidValueException("Could not set nodeacl " + acl.nodeWwn()
                    + " attribute 'chap_" + field.rtslibName() + "'");
        }
        acl.chap = acl.chap.with(field, v);
        model.emit(new ModelEvent.NodeAclChanged(acl, Aspect.AUTH));
    }

    void setNodeAclTag(NodeAcl acl, String tag) {
        checkAlive(acl);
        String t = tag == null || tag.isEmpty() || tag.equals("NULL") ? null : tag;
        if (t != null && t.contains(".")) {
            throw new InvalidValueException("'.' not permitted in group names.");
        }
        acl.tag = t;
        model.emit(new ModelEvent.NodeAclChanged(acl, Aspect.TAG));
    }

    MappedLun createMappedLun(NodeAcl acl, int index, int tpgLun, boolean writeProtect, String alias) {
        checkAlive(acl);
        if (index < 0 || index > MAX_MAPPED_LUN) {
            throw new InvalidValueException("Mapped LUN must be 0 to " + MAX_MAPPED_LUN);
        }
        if (acl.mappedLun(index).isPresent()) {
            throw new AlreadyExistsException("This MappedLUN already exists in configFS");
        }
        Lun lun = acl.tpg().lun(tpgLun).orElseThrow(() ->
                new NotFoundException("LUN " + tpgLun + " does not exist in this TPG"));
        String link = alias == null || alias.isEmpty() ? Wwns.generateAlias(model.environment()) : alias;
        MappedLun m = new MappedLun(acl, index, lun, link);
        m.writeProtect = writeProtect;
        acl.mappedLuns.add(m);
        model.emit(new ModelEvent.MappedLunAdded(m));
        return m;
    }

    void deleteMappedLun(NodeAcl acl, int index) {
        checkAlive(acl);
        // Not rtslib's text, which quotes a /sys/kernel/config path glio does not have: the objects instead.
        MappedLun m = acl.mappedLun(index).orElseThrow(() -> new NotFoundException(
                "No mapped LUN " + index + " in node ACL " + acl.nodeWwn() + " (target " + acl.tpg().target().wwn()
                        + ", TPG " + acl.tpg().tag() + ")"));
        acl.mappedLuns.remove(m);
        model.emit(new ModelEvent.MappedLunRemoved(m));
    }

    void setWriteProtect(MappedLun m, boolean writeProtect) {
        checkAlive(m.nodeAcl());
        if (!m.nodeAcl().mappedLuns.contains(m)) {
            throw new NotFoundException("This MappedLUN does not exist in configFS");
        }
        if (m.writeProtect != writeProtect) {
            m.writeProtect = writeProtect;
            model.emit(new ModelEvent.MappedLunChanged(m));
        }
    }

    private void checkAlive(Lun lun) {
        model.checkAlive(lun.tpg());
        if (!lun.tpg().luns.contains(lun)) {
            throw new NotFoundException("This LUN does not exist in configFS");
        }
    }

    private void checkAlive(NodeAcl acl) {
        model.checkAlive(acl.tpg());
        if (!acl.tpg().nodeAcls.contains(acl)) {
            throw new NotFoundException("This NodeACL does not exist in configFS");
        }
    }
}
