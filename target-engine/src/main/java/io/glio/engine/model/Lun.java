package io.glio.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A TPG LUN ({@code lun/lun_<n>}) exporting a storage object. The alias is the name of the
 * configfs link (10 hex characters); the ALUA group name is empty when the backstore has no
 * ALUA support.
 */
public final class Lun {

    private final Tpg tpg;
    private final int index;
    private final StorageObject storageObject;
    private final String alias;
    String aluaGroupName;
    Map<String, Object> unknownKeys = new LinkedHashMap<>();

    Lun(Tpg tpg, int index, StorageObject storageObject, String alias) {
        this.tpg = tpg;
        this.index = index;
        this.storageObject = storageObject;
        this.alias = alias;
    }

    public Tpg tpg() {
        return tpg;
    }

    public int index() {
        return index;
    }

    public StorageObject storageObject() {
        return storageObject;
    }

    public String alias() {
        return alias;
    }

    /** {@code alua_tg_pt_gp_name}; empty (saved as null) when ALUA is not supported. */
    public Optional<String> aluaGroupName() {
        return Optional.ofNullable(aluaGroupName);
    }

    /** The mapped LUNs of this TPG's ACLs that point at this LUN. */
    public List<MappedLun> mappedLuns() {
        List<MappedLun> out = new ArrayList<>();
        for (NodeAcl acl : tpg.nodeAcls) {
            for (MappedLun m : acl.mappedLuns) {
                if (m.tpgLun() == this) {
                    out.add(m);
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    public String configfsPath() {
        return tpg.configfsPath() + "/lun/lun_" + index;
    }

    public Map<String, Object> unknownKeys() {
        return Collections.unmodifiableMap(unknownKeys);
    }

    @Override
    public String toString() {
        return "Lun[" + tpg + "/lun" + index + " -> " + storageObject.qualifiedName() + "]";
    }
}
