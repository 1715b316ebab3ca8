package io.glio.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A target of a fabric ({@code iscsi/<iqn>}), identified by its normalised WWN, with its TPGs
 * in creation order. Fabrics without the {@code tpgts} feature (loopback) have exactly one
 * TPG, tag 1, created with the target.
 */
public final class Target {

    private final Fabric fabric;
    private final String wwn;
    private final WwnType wwnType;
    final List<Tpg> tpgs = new ArrayList<>();
    final Attributes parameters;
    Map<String, Object> unknownKeys = new LinkedHashMap<>();

    Target(Fabric fabric, String wwn, WwnType wwnType) {
        this.fabric = fabric;
        this.wwn = wwn;
        this.wwnType = wwnType;
        this.parameters = KernelDefaults.targetParameters(fabric);
    }

    public Fabric fabric() {
        return fabric;
    }

    public String wwn() {
        return wwn;
    }

    public WwnType wwnType() {
        return wwnType;
    }

    public List<Tpg> tpgs() {
        return List.copyOf(tpgs);
    }

    public Optional<Tpg> tpg(int tag) {
        return tpgs.stream().filter(t -> t.tag() == tag).findFirst();
    }

    /** Target-level parameters of newer kernels ({@code cmd_completion_affinity}). */
    public Attributes parameters() {
        return parameters;
    }

    public String configfsPath() {
        return ConfigfsPaths.target(fabric, wwn);
    }

    public Map<String, Object> unknownKeys() {
        return Collections.unmodifiableMap(unknownKeys);
    }

    @Override
    public String toString() {
        return "Target[" + fabric + "/" + wwn + "]";
    }
}
