package io.glio.saveconfig;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code targets}.
 *
 * @param fabric     {@code fabric}: {@code iscsi}, {@code loopback}, {@code tcm_fc}, … (required)
 * @param wwn        {@code wwn}: {@code iqn.…}, {@code eui.…}, {@code naa.…} (required)
 * @param parameters {@code parameters} (target-level, newer kernels), or {@code null} when absent
 * @param tpgs       {@code tpgs}, or {@code null} when absent
 * @param extra      keys this model does not know, kept in file order and written back unchanged
 */
public record Target(String fabric, String wwn, Map<String, JsonNode> parameters, List<Tpg> tpgs,
        Map<String, JsonNode> extra) {

    public Target {
        if (fabric == null || wwn == null) {
            throw new IllegalArgumentException("target fabric and wwn are required");
        }
        parameters = Copies.values(parameters);
        tpgs = Copies.list(tpgs);
        extra = Copies.extra(extra);
    }

    /** A target as rtslib saves it (no target-level parameters). */
    public static Target of(String fabric, String wwn, List<Tpg> tpgs) {
        return new Target(fabric, wwn, null, tpgs, Map.of());
    }

    public Target withTpgs(List<Tpg> newTpgs) {
        return new Target(fabric, wwn, parameters, newTpgs, extra);
    }

    public Target withParameters(Map<String, JsonNode> newParameters) {
        return new Target(fabric, wwn, newParameters, tpgs, extra);
    }
}
