package io.glio.saveconfig;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The root of rtslib-fb's {@code saveconfig.json}
 * (targetcli-reference.md §8): {@code fabric_modules}, {@code storage_objects}, {@code targets}.
 *
 * <p>Conventions shared by every record of this package: a {@code null} component means the
 * key is absent in the file and is not written back; lists and maps are unmodifiable copies
 * in file order; each record's {@code extra} map holds keys this model does not know (and
 * explicit JSON {@code null}s of known keys), which the writer emits unchanged. So
 * {@code SaveConfigWriter.toJson(SaveConfigReader.parse(text))} is what rtslib would write for
 * the same content.
 *
 * @param fabricModules  {@code fabric_modules}
 * @param storageObjects {@code storage_objects}
 * @param targets        {@code targets}
 * @param extra          unknown top-level keys
 */
public record SaveConfig(List<FabricModule> fabricModules, List<StorageObject> storageObjects, List<Target> targets,
        Map<String, JsonNode> extra) {

    public SaveConfig {
        fabricModules = Copies.list(fabricModules);
        storageObjects = Copies.list(storageObjects);
        targets = Copies.list(targets);
        extra = Copies.extra(extra);
    }

    /** What rtslib writes when nothing is configured: three empty lists. */
    public static SaveConfig empty() {
        return of(List.of(), List.of(), List.of());
    }

    /** A configuration with all three top-level lists present. */
    public static SaveConfig of(List<FabricModule> fabricModules, List<StorageObject> storageObjects,
            List<Target> targets) {
        return new SaveConfig(fabricModules, storageObjects, targets, Map.of());
    }

    /** True when there is no storage object, no target and no fabric module (absent lists count as empty). */
    public boolean isEmpty() {
        return isNullOrEmpty(fabricModules) && isNullOrEmpty(storageObjects) && isNullOrEmpty(targets);
    }

    public SaveConfig withStorageObjects(List<StorageObject> newStorageObjects) {
        return new SaveConfig(fabricModules, newStorageObjects, targets, extra);
    }

    public SaveConfig withTargets(List<Target> newTargets) {
        return new SaveConfig(fabricModules, storageObjects, newTargets, extra);
    }

    public SaveConfig withFabricModules(List<FabricModule> newFabricModules) {
        return new SaveConfig(newFabricModules, storageObjects, targets, extra);
    }

    /**
     * Converts plain Java values (Integer, Long, Boolean, String, or JsonNode) to the JSON values
     * the records hold for {@code attributes}/{@code parameters}, keeping the map's order.
     * rtslib writes numeric attributes as ints and parameters as strings.
     */
    public static Map<String, JsonNode> values(Map<String, ?> values) {
        Map<String, JsonNode> converted = new LinkedHashMap<>();
        values.forEach((key, value) -> converted.put(key, Copies.json(value)));
        return converted;
    }

    private static boolean isNullOrEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }
}
