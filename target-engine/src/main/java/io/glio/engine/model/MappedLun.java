package io.glio.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A LUN as one initiator sees it ({@code lun_<n>} of an ACL), pointing at a TPG LUN. */
public final class MappedLun {

    private final NodeAcl nodeAcl;
    private final int index;
    private final Lun tpgLun;
    private final String alias;
    boolean writeProtect;
    Map<String, Object> unknownKeys = new LinkedHashMap<>();

    MappedLun(NodeAcl nodeAcl, int index, Lun tpgLun, String alias) {
        this.nodeAcl = nodeAcl;
        this.index = index;
        this.tpgLun = tpgLun;
        this.alias = alias;
    }

    public NodeAcl nodeAcl() {
        return nodeAcl;
    }

    /** The LUN number the initiator sees. */
    public int index() {
        return index;
    }

    public Lun tpgLun() {
        return tpgLun;
    }

    public String alias() {
        return alias;
    }

    public boolean writeProtect() {
        return writeProtect;
    }

    public String configfsPath() {
        return nodeAcl.configfsPath() + "/lun_" + index;
    }

    public Map<String, Object> unknownKeys() {
        return Collections.unmodifiableMap(unknownKeys);
    }

    @Override
    public String toString() {
        return "MappedLun[" + nodeAcl + "/mapped_lun" + index + " -> lun" + tpgLun.index() + "]";
    }
}
