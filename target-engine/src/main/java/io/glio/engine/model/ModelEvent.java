package io.glio.engine.model;

/**
 * A change of the {@link TargetModel}, delivered to {@link ModelListener}s after the change
 * succeeded, in the order the changes happened. A cascading delete delivers one event per
 * removed object, children first (mapped LUNs, ACLs, LUNs, portals, then the TPG), as rtslib
 * deletes them. Removed objects are passed as they were just before removal.
 */
public sealed interface ModelEvent {

    /** What changed on a storage object. */
    enum StorageObjectAspect {
        ATTRIBUTES, ALUA_GROUPS, MEDIUM,
        /** wwn and size taken from the LU's shared metadata (another gateway's); the file is already that size. */
        IDENTITY
    }

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

    /** A change of a target. */
    sealed interface OfTarget extends ModelEvent {
        Target target();

        @Override
        default Target affectedTarget() {
            return target();
        }
    }

    /** A change of a TPG. */
    sealed interface OfTpg extends ModelEvent {
        Tpg tpg();

        @Override
        default Target affectedTarget() {
            return tpg().target();
        }
    }

    /** A change of a portal. */
    sealed interface OfPortal extends ModelEvent {
        Portal portal();

        @Override
        default Target affectedTarget() {
            return portal().tpg().target();
        }
    }

    /** A change of a TPG LUN. */
    sealed interface OfLun extends ModelEvent {
        Lun lun();

        @Override
        default Target affectedTarget() {
            return lun().tpg().target();
        }
    }

    /** A change of a node ACL. */
    sealed interface OfNodeAcl extends ModelEvent {
        NodeAcl nodeAcl();

        @Override
        default Target affectedTarget() {
            return nodeAcl().tpg().target();
        }
    }

    /** A change of a mapped LUN. */
    sealed interface OfMappedLun extends ModelEvent {
        MappedLun mappedLun();

        @Override
        default Target affectedTarget() {
            return mappedLun().nodeAcl().tpg().target();
        }
    }

    record StorageObjectAdded(StorageObject storageObject) implements ModelEvent { }

    record StorageObjectRemoved(StorageObject storageObject) implements ModelEvent { }

    record StorageObjectChanged(StorageObject storageObject, StorageObjectAspect aspect)
            implements ModelEvent { }

    record TargetAdded(Target target) implements OfTarget { }

    record TargetRemoved(Target target) implements OfTarget { }

    record TpgAdded(Tpg tpg) implements OfTpg { }

    record TpgRemoved(Tpg tpg) implements OfTpg { }

    record TpgEnabled(Tpg tpg) implements OfTpg { }

    record TpgDisabled(Tpg tpg) implements OfTpg { }

    record TpgChanged(Tpg tpg, Aspect aspect) implements OfTpg { }

    record PortalAdded(Portal portal) implements OfPortal { }

    record PortalRemoved(Portal portal) implements OfPortal { }

    /** iSER or offload switched. */
    record PortalChanged(Portal portal) implements OfPortal { }

    record LunAdded(Lun lun) implements OfLun { }

    record LunRemoved(Lun lun) implements OfLun { }

    /** The LUN's ALUA group changed. */
    record LunChanged(Lun lun) implements OfLun { }

    record NodeAclAdded(NodeAcl nodeAcl) implements OfNodeAcl { }

    record NodeAclRemoved(NodeAcl nodeAcl) implements OfNodeAcl { }

    record NodeAclChanged(NodeAcl nodeAcl, Aspect aspect) implements OfNodeAcl { }

    record MappedLunAdded(MappedLun mappedLun) implements OfMappedLun { }

    record MappedLunRemoved(MappedLun mappedLun) implements OfMappedLun { }

    /** write_protect changed. */
    record MappedLunChanged(MappedLun mappedLun) implements OfMappedLun { }

    record DiscoveryAuthChanged(DiscoveryAuth discoveryAuth) implements ModelEvent { }
}
