package io.glio.engine.runtime;

import io.glio.engine.scsi.LogicalUnit;
import io.glio.engine.scsi.LunAccess;
import io.glio.engine.scsi.LunMap;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The LUN map of one nexus as an immutable snapshot swapped in when the model changes, so the
 * command path reads it without touching the model's lock.
 */
final class NexusLunMap implements LunMap {

    private volatile Map<Integer, LunAccess> luns = Map.of();

    @Override
    public Optional<LunAccess> lookup(long lun) {
        return lun < 0 || lun > Integer.MAX_VALUE ? Optional.empty() : Optional.ofNullable(luns.get((int) lun));
    }

    @Override
    public List<Integer> luns() {
        return List.copyOf(luns.keySet());
    }

    /**
     * What a new snapshot changed for the initiator.
     *
     * @param inventoryChanged    LUN numbers or the units behind them (REPORTED LUNS DATA HAS CHANGED)
     * @param accessStateChanged  units whose ALUA access state moved (ASYMMETRIC ACCESS STATE CHANGED)
     */
    record Change(boolean inventoryChanged, List<LogicalUnit> accessStateChanged) {
    }

    /**
     * Resolves and swaps in a new map. Resolving inside this map's lock orders concurrent
     * refreshes (the login's first one and a mutation's): the map swapped in last is the one
     * resolved last, from the newest snapshot.
     */
    synchronized Change replaceFrom(java.util.function.Supplier<TreeMap<Integer, LunAccess>> resolver) {
        return replace(resolver.get());
    }

    private Change replace(TreeMap<Integer, LunAccess> next) {
        Map<Integer, LunAccess> prev = luns;
        luns = java.util.Collections.unmodifiableMap(next);
        boolean inventory = !prev.keySet().equals(next.keySet());
        List<LogicalUnit> moved = new java.util.ArrayList<>();
        for (Map.Entry<Integer, LunAccess> e : prev.entrySet()) {
            LunAccess now = next.get(e.getKey());
            if (now == null || now.unit() != e.getValue().unit()) {
                inventory = true;
            } else if (now.aluaState() != e.getValue().aluaState()) {
                moved.add(now.unit());
            }
        }
        return new Change(inventory, moved);
    }
}
