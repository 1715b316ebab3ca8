package io.glio.target.engine;

import io.glio.target.scsi.LunAccess;
import io.glio.target.scsi.LunMap;

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

    /** @return whether the LUN inventory (numbers or the units behind them) changed */
    boolean replace(TreeMap<Integer, LunAccess> next) {
        Map<Integer, LunAccess> prev = luns;
        luns = java.util.Collections.unmodifiableMap(next);
        if (!prev.keySet().equals(next.keySet())) {
            return true;
        }
        return prev.entrySet().stream().anyMatch(e -> next.get(e.getKey()).unit() != e.getValue().unit());
    }
}
