package io.glio.engine.model;

import java.util.Optional;

/**
 * Backstore plugins. {@link #saveName()} is the name rtslib writes in saveconfig.json and uses in
 * LUN paths ({@code /backstores/ramdisk/rd0}); {@link #hbaPrefix()} is the configfs HBA
 * directory prefix ({@code core/rd_mcp_0}).
 */
public enum Plugin {
    FILEIO("fileio", "fileio"),
    BLOCK("block", "iblock"),
    PSCSI("pscsi", "pscsi"),
    RAMDISK("ramdisk", "rd_mcp"),
    USER("user", "user");

    private final String saveName;
    private final String hbaPrefix;

    Plugin(String saveName, String hbaPrefix) {
        this.saveName = saveName;
        this.hbaPrefix = hbaPrefix;
    }

    /** Name in saveconfig.json, LUN storage_object paths and {@code info}. */
    public String saveName() {
        return saveName;
    }

    /** configfs HBA directory prefix ({@code iblock}, {@code rd_mcp}, ...). */
    public String hbaPrefix() {
        return hbaPrefix;
    }

    /**
     * Maps a saveconfig {@code plugin} value the way rtslib's {@code so_mapping} does: the save
     * names and the configfs prefixes ({@code rd_mcp}, {@code iblock}) are both accepted.
     */
    public static Optional<Plugin> fromSaveconfig(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Plugin p : values()) {
            if (p.saveName.equals(value) || p.hbaPrefix.equals(value)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return saveName;
    }
}
