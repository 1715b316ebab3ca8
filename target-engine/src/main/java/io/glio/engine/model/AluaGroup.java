package io.glio.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An ALUA target port group of a storage object ({@code alua/<name>}): its id and the 14
 * writable parameters (alua_access_state 0 = Active/optimized, 1 = Active/non-optimized,
 * 2 = Standby, 3 = Unavailable, 4 = LBA Dependent, 14 = Offline, 15 = Transitioning; ...).
 */
public final class AluaGroup {

    /** Name of the group every storage object has and that cannot be deleted. */
    public static final String DEFAULT_NAME = "default_tg_pt_gp";

    private final StorageObject storageObject;
    private final String name;
    int id;
    final LinkedHashMap<String, Long> parameters;
    Map<String, Object> unknownKeys = new LinkedHashMap<>();

    AluaGroup(StorageObject storageObject, String name, int id) {
        this.storageObject = storageObject;
        this.name = name;
        this.id = id;
        this.parameters = new LinkedHashMap<>(KernelDefaults.ALUA_DEFAULTS);
    }

    public StorageObject storageObject() {
        return storageObject;
    }

    public String name() {
        return name;
    }

    /** {@code tg_pt_gp_id} (0 for the default group). */
    public int id() {
        return id;
    }

    /** The writable ALUA parameters in rtslib's order. */
    public Map<String, Long> parameters() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public long parameter(String param) {
        Long v = parameters.get(param);
        return v == null ? KernelDefaults.ALUA_DEFAULTS.getOrDefault(param, 0L) : v;
    }

    /** {@code alua_access_state}. */
    public int accessState() {
        return (int) parameter("alua_access_state");
    }

    public Map<String, Object> unknownKeys() {
        return Collections.unmodifiableMap(unknownKeys);
    }

    @Override
    public String toString() {
        return "AluaGroup[" + storageObject.qualifiedName() + "/" + name + "]";
    }
}
