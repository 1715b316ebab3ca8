package io.glio.engine.model;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One TPG as the I/O path sees it, frozen: what a login, SendTargets and a nexus's LUN map read
 * ({@code core_tpg_check_initiator_node_acl}, {@code iscsit_build_sendtargets_response}).
 * Taken from the live {@link Tpg} under the model's lock; immutable afterwards. The node
 * references ({@link #tpg()}, {@link LunSnapshot#lun()}, ...) identify the live objects for the
 * engine's maps; read nothing mutable through them.
 *
 * @param parameters iSCSI parameters by key, writable and read-only ones together
 */
public record TpgSnapshot(Tpg tpg, int tag, boolean enabled, boolean generateNodeAcls,
                          boolean demoModeWriteProtect, boolean demoModeDiscovery,
                          boolean prodModeWriteProtect, boolean enabledSendTargetsOnly,
                          boolean authentication, long defaultCmdsnDepth, Map<String, String> parameters,
                          ChapCredentials chap, List<PortalSnapshot> portals, List<LunSnapshot> luns,
                          List<AclSnapshot> nodeAcls) {

    /** A network portal ({@code ip:port}, IPv6 in brackets). */
    public record PortalSnapshot(String ipAddress, int port) {
    }

    /**
     * A TPG LUN with the ALUA group it is in at snapshot time.
     *
     * @param aluaGroupId     {@code tg_pt_gp_id}, -1 when the LUN is in no group
     * @param aluaAccessState {@code alua_access_state} of that group, 0 when none
     */
    public record LunSnapshot(Lun lun, int index, StorageObject storageObject, int aluaGroupId,
                              int aluaAccessState) {
    }

    /** A node ACL: its normalised initiator WWN, CHAP credentials and mapped LUNs in order. */
    public record AclSnapshot(NodeAcl acl, String nodeWwn, ChapCredentials chap,
                              List<MappedLunSnapshot> mappedLuns) {
    }

    /** A mapped LUN: the number the initiator sees and the TPG LUN behind it. */
    public record MappedLunSnapshot(int index, LunSnapshot tpgLun, boolean writeProtect) {
    }

    /** Freezes {@code tpg}; call with the model's lock held. */
    static TpgSnapshot of(Tpg tpg) {
        Map<String, String> parameters = new java.util.HashMap<>(tpg.parameters.writable());
        parameters.putAll(tpg.parameters.readOnly());
        List<PortalSnapshot> portals = new ArrayList<>(tpg.portals.size());
        for (Portal p : tpg.portals) {
            portals.add(new PortalSnapshot(p.ipAddress(), p.port()));
        }
        IdentityHashMap<Lun, LunSnapshot> luns = new IdentityHashMap<>();
        for (Lun l : tpg.luns) {
            Optional<AluaGroup> group = l.aluaGroupName().flatMap(l.storageObject()::aluaGroup);
            luns.put(l, new LunSnapshot(l, l.index(), l.storageObject(), group.map(AluaGroup::id).orElse(-1),
                    group.map(AluaGroup::accessState).orElse(0)));
        }
        List<AclSnapshot> acls = new ArrayList<>(tpg.nodeAcls.size());
        for (NodeAcl a : tpg.nodeAcls) {
            List<MappedLunSnapshot> mapped = new ArrayList<>(a.mappedLuns.size());
            for (MappedLun m : a.mappedLuns) {
                mapped.add(new MappedLunSnapshot(m.index(), luns.get(m.tpgLun()), m.writeProtect()));
            }
            acls.add(new AclSnapshot(a, a.nodeWwn(), a.chap, List.copyOf(mapped)));
        }
        List<LunSnapshot> lunList = new ArrayList<>(tpg.luns.size());
        tpg.luns.forEach(l -> lunList.add(luns.get(l)));
        return new TpgSnapshot(tpg, tpg.tag(), tpg.enabled, tpg.generateNodeAcls(), tpg.demoModeWriteProtect(),
                tpg.demoModeDiscovery(), tpg.prodModeWriteProtect(), tpg.enabledSendTargetsOnly(),
                tpg.authentication(), tpg.attributes.getLong("default_cmdsn_depth", 64), Map.copyOf(parameters),
                tpg.chap, List.copyOf(portals), List.copyOf(lunList), List.copyOf(acls));
    }

    /** Whether the TPG has a portal at this configfs ip and port. */
    public boolean hasPortal(String ipAddress, int port) {
        for (PortalSnapshot p : portals) {
            if (p.port() == port && p.ipAddress().equals(ipAddress)) {
                return true;
            }
        }
        return false;
    }

    /** The ACL of a normalised initiator WWN. */
    public Optional<AclSnapshot> nodeAcl(String nodeWwn) {
        for (AclSnapshot a : nodeAcls) {
            if (a.nodeWwn().equals(nodeWwn)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return tpg.toString();
    }
}
