package io.glio.saveconfig;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One entry of a node ACL's {@code mapped_luns}: the LUN number an initiator sees for a TPG LUN.
 *
 * @param index        {@code index}: the LUN number the initiator sees (required)
 * @param tpgLun       {@code tpg_lun}: the {@link Lun#index()} it maps to (required)
 * @param writeProtect {@code write_protect}, or {@code null} when absent
 * @param alias        {@code alias}: the 10-hex-digit configfs link name, or {@code null} when absent
 * @param extra        keys this model does not know, written back unchanged
 */
public record MappedLun(int index, int tpgLun, Boolean writeProtect, String alias, Map<String, JsonNode> extra) {

    public MappedLun {
        extra = Copies.extra(extra);
    }

    /** A mapped LUN as rtslib saves it. */
    public static MappedLun of(int index, int tpgLun, boolean writeProtect, String alias) {
        return new MappedLun(index, tpgLun, writeProtect, alias, Map.of());
    }
}
