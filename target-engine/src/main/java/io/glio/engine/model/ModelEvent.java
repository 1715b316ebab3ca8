package io.glio.engine.model;

/**
 * A change of the {@link TargetModel}, delivered to {@link ModelListener}s after the change
 * succeeded, in the order the changes happened. A cascading delete delivers one event per
 * removed object, children first (mapped LUNs, ACLs, LUNs, portals, then the TPG), as rtslib
 * deletes them. Removed objects are passed as they were just before removal.
 */
public sealed interface ModelEvent {

    /** What changed on a storage object. */
    enum StorageObjectAspect { ATTRIBUTES, ALUA_GROUPS, RUNTIME_STATUS, MEDIUM }

    /** What changed on a TPG or node ACL. */
    enum Aspect { ATTRIBUTES, PARAMETERS, AUTH, TAG }

    /**
     * The target under which the change happened (the changed target itself, or the target of
     * the changed TPG, portal, LUN, ACL or mapped LUN); null for storage objects and discovery
     * authentication. {@link ModelSnapshot} rebuilds exactly these targets.
     */
    default Target affectedTarget() {
        return null;
    }

    record StorageObjectAdded(StorageObject storageObject) implements ModelEvent { }

    record StorageObjectRemoved(StorageObject storageObject) implements ModelEvent { }

    record StorageObjectChanged(StorageObject storageObject, StorageObjectAspect aspect)
            implements ModelEvent { }

    record TargetAdded(Target target) implements ModelEvent {
        @Override
        public Target affectedTarget() {
            return target;
        }
    }

    record TargetRemoved(Target target) implements ModelEvent {
        @Override
        public Target affectedTarget() {
            return target;
        }
    }

    record TpgAdded(Tpg tpg) implements ModelEvent {
        @Override
        public Target affectedTarget() {
            return tpg.target();
        }
    }

    record TpgRemoved(Tpg tpg) implements ModelEvent {
        @Override
        public Target affectedTarget() {
            return tpg.target();
        }
    }

    record TpgEnabled(Tpg tpg) implements ModelEvent {
        @Override
        public Target affectedTarget() {
            return tpg.target();
        }
    }

    record TpgDisabled(Tpg tpg) implements ModelEvent {
        @Override
        public Target affectedTarget() {
            return tpg.target();
        }
    }

    record TpgChanged(Tpg tpg, Aspect aspect) implements ModelEvent {
        @Override
        public Target affectedTarget() {
            return tpg.target();
        }
    }

    record PortalAdded(Portal portal) implements ModelEvent {
        @Override
        public Target affectedTarget() {
            return portal.tpg().target();
        }
    }

    record PortalRemoved(Portal portal) implements ModelEvent {
        @Override
        public Target affectedTarget() {
            return portal.tpg().target();
        }
    }

    /** iSER or offload switched. */
    record PortalChanged(Portal portal) implements ModelEvent {
        @Override
        public Target affectedTarget() {
            return portal.tpg().target();
        }
    }

    record LunAdded(Lun lun) implements ModelEvent {
        @Override
        public Target affectedTarget() {
            return lun.tpg().target();
        }
    }

    record LunRemoved(Lun lun) implements ModelEvent {
        @Override
        public Target affectedTarget() {
            return lun.tpg().target();
        }
    }

    /** The LUN's ALUA group changed. */
    record LunChanged(Lun lun) implements ModelEvent {
        @Override
        public Target affectedTarget() {
            return lun.tpg().target();
        }
    }

    record NodeAclAdded(NodeAcl nodeAcl) implements ModelEvent {
        @Override
        public Target affectedTarget() {
            return nodeAcl.tpg().target();
        }
    }

    record NodeAclRemoved(NodeAcl nodeAcl) implements ModelEvent {
        @Override
        public Target affectedTarget() {
            return nodeAcl.tpg().target();
        }
    }

    record NodeAclChanged(NodeAcl nodeAcl, Aspect aspect) implements ModelEvent {
        @Override
        public Target affectedTarget() {
            return nodeAcl.tpg().target();
        }
    }

    record MappedLunAdded(MappedLun mappedLun) implements ModelEvent {
        @Override
        public Target affectedTarget() {
            return mappedLun.nodeAcl().tpg().target();
        }
    }

    record MappedLunRemoved(MappedLun mappedLun) implements ModelEvent {
        @Override
        public Target affectedTarget() {
            return mappedLun.nodeAcl().tpg().target();
        }
    }

    /** write_protect changed. */
    record MappedLunChanged(MappedLun mappedLun) implements ModelEvent {
        @Override
        public Target affectedTarget() {
            return mappedLun.nodeAcl().tpg().target();
        }
    }

    record DiscoveryAuthChanged(DiscoveryAuth discoveryAuth) implements ModelEvent { }
}
