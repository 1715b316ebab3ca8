package io.glio.engine.model;

/**
 * Where each object would live in LIO's configfs. glio has no configfs, but rtslib's messages
 * name these paths ({@code No such TPG in configfs: …/tpgt_2}) and {@code info} shows them.
 */
public final class ConfigfsPaths {

    /** The configfs target root. */
    public static final String ROOT = "/sys/kernel/config/target";

    private ConfigfsPaths() {
    }

    public static String fabric(Fabric fabric) {
        return ROOT + "/" + fabric.configfsDir();
    }

    public static String target(Fabric fabric, String wwn) {
        return fabric(fabric) + "/" + fabric.toFabricWwn(wwn);
    }

    public static String tpg(Fabric fabric, String wwn, int tag) {
        return target(fabric, wwn) + "/tpgt_" + tag;
    }
}
