package io.glio.engine.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tcmu device settings written through a user-backed object's {@code control} file and
 * read back the way rtslib dumps them:
 * {@code max_data_area_mb=1024,hw_block_size=512,data_pages_per_blk=1}.
 */
final class UserControl {

    private final Map<String, String> values = new LinkedHashMap<>();

    private UserControl() {
    }

    static UserControl defaults() {
        UserControl c = new UserControl();
        c.values.put("max_data_area_mb", "1024");
        c.values.put("hw_block_size", "512");
        c.values.put("data_pages_per_blk", "1");
        c.values.put("hw_max_sectors", "128");
        return c;
    }

    /** Applies a {@code k=v,k=v} control string; unknown keys are ignored, as tcmu does. */
    void apply(String control) {
        for (String kv : control.strip().split(",")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                String key = kv.substring(0, eq).strip();
                if (values.containsKey(key)) {
                    values.put(key, kv.substring(eq + 1).strip());
                }
            }
        }
    }

    void applyTo(StorageObject so) {
        so.attributes.putReadOnly("hw_max_sectors", values.get("hw_max_sectors"));
        so.attributes.putReadOnly("hw_block_size", values.get("hw_block_size"));
        // The kernel starts block_size and optimal_sectors from the hardware values when the
        // device is configured.
        so.attributes.put("block_size", values.get("hw_block_size"));
        so.attributes.put("optimal_sectors", values.get("hw_max_sectors"));
        so.control = "max_data_area_mb=" + values.get("max_data_area_mb")
                + ",hw_block_size=" + values.get("hw_block_size")
                + ",data_pages_per_blk=" + values.get("data_pages_per_blk");
    }
}
