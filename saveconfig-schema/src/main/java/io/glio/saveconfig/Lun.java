package io.glio.saveconfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Map;

/**
 * One entry of a TPG's {@code luns}.
 *
 * <p>rtslib writes {@code "alua_tg_pt_gp_name": null} for a LUN without ALUA group (pscsi);
 * such an explicit JSON {@code null} is kept in {@link #extra()} under its key so it is written
 * back, while the typed component is {@code null}. {@link #of} does this for you.
 *
 * @param index          {@code index}: the LUN number in the TPG (required)
 * @param storageObject  {@code storage_object}: {@code /backstores/<plugin>/<name>} (required)
 * @param alias          {@code alias}: the 10-hex-digit configfs link name
 * @param aluaTgPtGpName {@code alua_tg_pt_gp_name}
 * @param extra          keys this model does not know (and explicit nulls), written back unchanged
 */
public record Lun(int index, String storageObject, String alias, String aluaTgPtGpName, Map<String, JsonNode> extra) {

    public Lun {
        if (storageObject == null) {
            throw new IllegalArgumentException("LUN storage_object is required");
        }
        extra = Copies.extra(extra);
    }

    /**
     * A LUN as rtslib saves it: all four keys present, {@code alua_tg_pt_gp_name} written as
     * {@code null} when {@code aluaTgPtGpName} is {@code null}.
     */
    public static Lun of(int index, String storageObject, String alias, String aluaTgPtGpName) {
        Map<String, JsonNode> extra = aluaTgPtGpName == null
                ? Map.of("alua_tg_pt_gp_name", JsonNodeFactory.instance.nullNode())
                : Map.of();
        return new Lun(index, storageObject, alias, aluaTgPtGpName, extra);
    }
}
