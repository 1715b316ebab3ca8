package io.glio.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A target portal group ({@code tpgt_<tag>}): enable state, attributes, iSCSI parameters, TPG
 * CHAP credentials, and its LUNs, portals and node ACLs in creation order.
 */
public final class Tpg {

    private final Target target;
    private final int tag;
    boolean enabled;
    final Attributes attributes;
    final Attributes parameters;
    ChapCredentials chap = ChapCredentials.NONE;
    String nexus;
    final List<Lun> luns = new ArrayList<>();
    final List<Portal> portals = new ArrayList<>();
    final List<NodeAcl> nodeAcls = new ArrayList<>();
    Map<String, Object> unknownKeys = new LinkedHashMap<>();

    Tpg(Target target, int tag) {
        this.target = target;
        this.tag = tag;
        this.attributes = KernelDefaults.tpgAttributes(target.fabric());
        this.parameters = KernelDefaults.tpgParameters(target.fabric());
        // Fabrics without an enable file are always enabled.
        this.enabled = !target.fabric().tpgHasEnable();
    }

    public Target target() {
        return target;
    }

    public Fabric fabric() {
        return target.fabric();
    }

    public int tag() {
        return tag;
    }

    public boolean enabled() {
        return enabled;
    }

    public Attributes attributes() {
        return attributes;
    }

    /** iSCSI login parameters (strings); empty for other fabrics. */
    public Attributes parameters() {
        return parameters;
    }

    public ChapCredentials chap() {
        return chap;
    }

    /** The initiator-side WWN of a nexus fabric (loopback), empty otherwise. */
    public Optional<String> nexus() {
        return Optional.ofNullable(nexus);
    }

    /** {@code generate_node_acls}: demo mode, any initiator gets the TPG LUNs. */
    public boolean generateNodeAcls() {
        return attributes.getLong("generate_node_acls", 0) == 1;
    }

    /** {@code cache_dynamic_acls}: keep the ACLs generated in demo mode after logout. */
    public boolean cacheDynamicAcls() {
        return attributes.getLong("cache_dynamic_acls", 0) == 1;
    }

    /** {@code demo_mode_write_protect}: initiators without an ACL get read-only LUNs. */
    public boolean demoModeWriteProtect() {
        return attributes.getLong("demo_mode_write_protect", 1) == 1;
    }

    /** {@code demo_mode_discovery}: SendTargets lists the target to initiators without an ACL. */
    public boolean demoModeDiscovery() {
        return attributes.getLong("demo_mode_discovery", 1) == 1;
    }

    /** {@code prod_mode_write_protect}: every initiator gets read-only LUNs. */
    public boolean prodModeWriteProtect() {
        return attributes.getLong("prod_mode_write_protect", 0) == 1;
    }

    /** {@code tpg_enabled_sendtargets}: SendTargets lists only enabled TPGs. */
    public boolean enabledSendTargetsOnly() {
        return attributes.getLong("tpg_enabled_sendtargets", 1) == 1;
    }

    /** {@code authentication}: CHAP required at login. */
    public boolean authentication() {
        return attributes.getLong("authentication", 0) == 1;
    }

    public List<Lun> luns() {
        return List.copyOf(luns);
    }

    public Optional<Lun> lun(int index) {
        return luns.stream().filter(l -> l.index() == index).findFirst();
    }

    /** The first LUN of this TPG exporting {@code so}. */
    public Optional<Lun> lunFor(StorageObject so) {
        return luns.stream().filter(l -> l.storageObject() == so).findFirst();
    }

    public List<Portal> portals() {
        return List.copyOf(portals);
    }

    /** Looks a portal up by its configfs ip (IPv6 in brackets) and port. */
    public Optional<Portal> portal(String ipAddress, int port) {
        return portals.stream()
                .filter(p -> p.ipAddress().equals(ipAddress) && p.port() == port).findFirst();
    }

    public List<NodeAcl> nodeAcls() {
        return List.copyOf(nodeAcls);
    }

    /** Looks an ACL up by its normalised initiator WWN. */
    public Optional<NodeAcl> nodeAcl(String nodeWwn) {
        return nodeAcls.stream().filter(a -> a.nodeWwn().equals(nodeWwn)).findFirst();
    }

    public String configfsPath() {
        return ConfigfsPaths.tpg(target.fabric(), target.wwn(), tag);
    }

    public Map<String, Object> unknownKeys() {
        return Collections.unmodifiableMap(unknownKeys);
    }

    @Override
    public String toString() {
        return "Tpg[" + target.wwn() + "/tpgt_" + tag + "]";
    }
}
