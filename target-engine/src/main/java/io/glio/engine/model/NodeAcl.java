package io.glio.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An initiator ACL of a TPG ({@code acls/<wwn>}): attributes, CHAP credentials, an optional tag
 * (targetcli groups tagged ACLs under the tag name) and mapped LUNs in creation order.
 */
public final class NodeAcl {

    private final Tpg tpg;
    private final String nodeWwn;
    String tag;
    final Attributes attributes;
    ChapCredentials chap = ChapCredentials.NONE;
    final List<MappedLun> mappedLuns = new ArrayList<>();
    Map<String, Object> unknownKeys = new LinkedHashMap<>();
    /** {@code tcq_depth} as an older rtslib saved it (kept for the next save), or null. */
    Object tcqDepth;

    NodeAcl(Tpg tpg, String nodeWwn) {
        this.tpg = tpg;
        this.nodeWwn = nodeWwn;
        this.attributes = KernelDefaults.nodeAclAttributes(tpg.fabric());
    }

    public Tpg tpg() {
        return tpg;
    }

    /** The normalised initiator WWN. */
    public String nodeWwn() {
        return nodeWwn;
    }

    public Optional<String> tag() {
        return Optional.ofNullable(tag);
    }

    public Attributes attributes() {
        return attributes;
    }

    public ChapCredentials chap() {
        return chap;
    }

    public List<MappedLun> mappedLuns() {
        return List.copyOf(mappedLuns);
    }

    public Optional<MappedLun> mappedLun(int index) {
        return mappedLuns.stream().filter(m -> m.index() == index).findFirst();
    }

    public String configfsPath() {
        return tpg.configfsPath() + "/acls/" + tpg.fabric().toFabricWwn(nodeWwn);
    }

    public Map<String, Object> unknownKeys() {
        return Collections.unmodifiableMap(unknownKeys);
    }

    @Override
    public String toString() {
        return "NodeAcl[" + tpg + "/" + nodeWwn + "]";
    }
}
