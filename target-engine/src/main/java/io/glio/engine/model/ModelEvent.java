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

    record StorageObjectAdded(StorageObject storageObject) implements ModelEvent { }

    record StorageObjectRemoved(StorageObject storageObject) implements ModelEvent { }

    record StorageObjectChanged(StorageObject storageObject, StorageObjectAspect aspect)
            implements ModelEvent { }

    record TargetAdded(Target target) implements ModelEvent { }

    record TargetRemoved(Target target) implements ModelEvent { }

    record TpgAdded(Tpg tpg) implements ModelEvent { }

    record TpgRemoved(Tpg tpg) implements ModelEvent { }

    record TpgEnabled(Tpg tpg) implements ModelEvent { }

    record TpgDisabled(Tpg tpg) implements ModelEvent { }

    record TpgChanged(Tpg tpg, Aspect aspect) implements ModelEvent { }

    record PortalAdded(Portal portal) implements ModelEvent { }

    record PortalRemoved(Portal portal) implements ModelEvent { }

    /** iSER or offload switched. */
    record PortalChanged(Portal portal) implements ModelEvent { }

    record LunAdded(Lun lun) implements ModelEvent { }

    record LunRemoved(Lun lun) implements ModelEvent { }

    /** The LUN's ALUA group changed. */
    record LunChanged(Lun lun) implements ModelEvent { }

    record NodeAclAdded(NodeAcl nodeAcl) implements ModelEvent { }

    record NodeAclRemoved(NodeAcl nodeAcl) implements ModelEvent { }

    record NodeAclChanged(NodeAcl nodeAcl, Aspect aspect) implements ModelEvent { }

    record MappedLunAdded(MappedLun mappedLun) implements ModelEvent { }

    record MappedLunRemoved(MappedLun mappedLun) implements ModelEvent { }

    /** write_protect changed. */
    record MappedLunChanged(MappedLun mappedLun) implements ModelEvent { }

    record DiscoveryAuthChanged(DiscoveryAuth discoveryAuth) implements ModelEvent { }
}
