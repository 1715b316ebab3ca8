package io.glio.engine.model;

/** rtslib fabric module features (fabric.py); they decide which children a TPG can have. */
public enum FabricFeature {
    DISCOVERY_AUTH("discovery_auth"),
    ACLS("acls"),
    AUTH("auth"),
    NPS("nps"),
    TPGTS("tpgts"),
    CPUS_ALLOWED_LIST("cpus_allowed_list"),
    NEXUS("nexus");

    private final String rtslibName;

    FabricFeature(String rtslibName) {
        this.rtslibName = rtslibName;
    }

    /** The feature name as rtslib and {@code info} print it. */
    public String rtslibName() {
        return rtslibName;
    }
}
