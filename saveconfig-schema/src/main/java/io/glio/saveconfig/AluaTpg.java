package io.glio.saveconfig;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One entry of a storage object's {@code alua_tpgs}: an ALUA target port group.
 *
 * <pre>{"alua_access_state": 0, …, "name": "default_tg_pt_gp", …, "tg_pt_gp_id": 0, "trans_delay_msecs": 0}</pre>
 *
 * @param name     {@code name} (required)
 * @param tgPtGpId {@code tg_pt_gp_id}, or {@code null} when absent
 * @param params   every other key in file order: the ALUA settings ({@code alua_access_state},
 *                 {@code alua_access_type}, {@code nonop_delay_msecs}, …) and any unknown key
 */
public record AluaTpg(String name, Integer tgPtGpId, Map<String, JsonNode> params) {

    public AluaTpg {
        if (name == null) {
            throw new IllegalArgumentException("ALUA group name is required");
        }
        params = Copies.extra(params);
    }

    /** The integer value of an ALUA setting, or {@code null} when absent or not an integer. */
    public Integer intParam(String key) {
        JsonNode value = params.get(key);
        return value != null && value.canConvertToInt() && value.isIntegralNumber() ? value.intValue() : null;
    }

    /** Returns a copy with {@code key} set (ints stay ints, strings stay strings). */
    public AluaTpg withParam(String key, Object value) {
        return new AluaTpg(name, tgPtGpId, Copies.with(params, key, Copies.json(value)));
    }
}
