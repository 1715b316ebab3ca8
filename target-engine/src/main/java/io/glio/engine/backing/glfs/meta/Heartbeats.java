package io.glio.engine.backing.glfs.meta;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One gateway's view of a LU's registry over time: turns the entries read from the volume into
 * the entries to write back, with this gateway's exports beaten (added with fresh ids when new,
 * dropped when no longer exported) and other gateways' entries dropped once dead.
 *
 * <p>Liveness does not compare clocks across machines: an entry is alive while its beat
 * counter keeps changing, as seen by this gateway's own monotonic clock; one whose counter has
 * not moved for the expiry (3 heartbeat intervals) is dead. An entry seen for the first time
 * counts as just changed, so a gateway that starts keeps its peers for one expiry at most.
 *
 * <p>Port group ids and relative target port ids are allocated here, under the volume lock the
 * caller holds: the smallest positive value no remaining entry uses, kept for as long as the
 * entry lives. So every gateway reports the same ids for the same export.
 *
 * <p>Not thread-safe: confined to the LU's metadata task.
 */
final class Heartbeats {

    private record Seen(long beat, long atNanos) {
    }

    private final String self;
    private final long expiryNanos;
    private final Map<String, Seen> seen = new HashMap<>();

    Heartbeats(String self, Duration expiry) {
        this.self = self;
        this.expiryNanos = expiry.toNanos();
    }

    /** The entries to write back, given those read and this gateway's exports now. */
    List<GatewayEntry> next(List<GatewayEntry> recorded, List<LuExport> exports, long nowNanos) {
        List<GatewayEntry> kept = new ArrayList<>();
        Set<String> liveKeys = new HashSet<>();
        for (GatewayEntry e : recorded) {
            if (e.gateway().equals(self) ? exported(e, exports) : alive(e, nowNanos)) {
                kept.add(e);
                liveKeys.add(e.key());
            }
        }
        seen.keySet().retainAll(liveKeys);
        List<GatewayEntry> out = new ArrayList<>();
        for (GatewayEntry e : kept) {
            out.add(e.gateway().equals(self) ? e.beaten(portalsOf(e, exports)) : e);
        }
        for (LuExport x : exports) {
            if (out.stream().noneMatch(e -> e.gateway().equals(self) && e.iqn().equals(x.iqn()) && e.tpg() == x.tpg())) {
                out.add(new GatewayEntry(self, x.iqn(), x.tpg(), x.portals(), free(out, GatewayEntry::group),
                        free(out, GatewayEntry::port), 1));
            }
        }
        return out;
    }

    private boolean alive(GatewayEntry e, long nowNanos) {
        Seen before = seen.get(e.key());
        if (before == null || before.beat() != e.beat()) {
            seen.put(e.key(), new Seen(e.beat(), nowNanos));
            return true;
        }
        return nowNanos - before.atNanos() < expiryNanos;
    }

    private static boolean exported(GatewayEntry e, List<LuExport> exports) {
        return exports.stream().anyMatch(x -> x.iqn().equals(e.iqn()) && x.tpg() == e.tpg());
    }

    private static List<String> portalsOf(GatewayEntry e, List<LuExport> exports) {
        return exports.stream().filter(x -> x.iqn().equals(e.iqn()) && x.tpg() == e.tpg())
                .findFirst().map(LuExport::portals).orElse(e.portals());
    }

    private static int free(List<GatewayEntry> entries, java.util.function.ToIntFunction<GatewayEntry> id) {
        Set<Integer> used = new HashSet<>();
        entries.forEach(e -> used.add(id.applyAsInt(e)));
        int candidate = 1;
        while (used.contains(candidate)) {
            candidate++;
        }
        return candidate;
    }
}
