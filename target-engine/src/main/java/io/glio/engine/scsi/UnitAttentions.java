package io.glio.engine.scsi;

import io.glio.engine.scsi.sense.UnitAttention;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Unit attention conditions of one logical unit, queued per I_T nexus (SAM-5 5.14). A nexus the
 * LU has not seen before starts with POWER ON, RESET, OR BUS DEVICE RESET OCCURRED (29h/00h),
 * which initiators (libiscsi's login, Linux's scan) clear with TEST UNIT READY.
 */
public final class UnitAttentions {

    public static final int[] POWER_ON = {0x29, 0x00};
    public static final int[] LUN_RESET = {0x29, 0x03};
    public static final int[] TARGET_RESET = {0x29, 0x02};
    public static final int[] MODE_PARAMETERS_CHANGED = {0x2a, 0x01};
    public static final int[] RESERVATIONS_PREEMPTED = {0x2a, 0x03};
    public static final int[] RESERVATIONS_RELEASED = {0x2a, 0x04};
    public static final int[] REGISTRATIONS_PREEMPTED = {0x2a, 0x05};
    public static final int[] ASYMMETRIC_ACCESS_STATE_CHANGED = {0x2a, 0x06};
    public static final int[] CAPACITY_CHANGED = {0x2a, 0x09};
    public static final int[] REPORTED_LUNS_CHANGED = {0x3f, 0x0e};

    /** A queue holds at most this many; older ones are dropped as SAM-5 allows. */
    private static final int MAX_QUEUED = 16;

    private final Map<String, Deque<int[]>> pending = new HashMap<>();

    /** First contact of a nexus with this LU: a new nexus starts with the power-on condition. */
    public synchronized void attach(String nexusKey) {
        pending.computeIfAbsent(nexusKey, k -> {
            Deque<int[]> q = new ArrayDeque<>();
            q.add(POWER_ON);
            return q;
        });
    }

    public synchronized void raise(String nexusKey, int[] condition) {
        Deque<int[]> q = pending.computeIfAbsent(nexusKey, k -> new ArrayDeque<>());
        if (q.stream().noneMatch(c -> c[0] == condition[0] && c[1] == condition[1])) {
            if (q.size() >= MAX_QUEUED) {
                q.removeFirst();
            }
            q.addLast(condition);
        }
    }

    /** Raises a condition for every nexus the LU knows except {@code exceptNexusKey} (may be null). */
    public synchronized void raiseAll(int[] condition, String exceptNexusKey) {
        for (String key : pending.keySet().toArray(String[]::new)) {
            if (!key.equals(exceptNexusKey)) {
                raise(key, condition);
            }
        }
    }

    /** The oldest pending condition of that nexus, removed; null when none. */
    public synchronized UnitAttention take(String nexusKey) {
        Deque<int[]> q = pending.get(nexusKey);
        int[] c = q == null ? null : q.pollFirst();
        return c == null ? null : new UnitAttention(c[0], c[1]);
    }

    /** Drops one queued condition kind (REPORT LUNS clears REPORTED LUNS DATA HAS CHANGED). */
    public synchronized void clear(String nexusKey, int[] condition) {
        Deque<int[]> q = pending.get(nexusKey);
        if (q != null) {
            q.removeIf(c -> c[0] == condition[0] && c[1] == condition[1]);
        }
    }

    public synchronized void forget(String nexusKey) {
        pending.remove(nexusKey);
    }
}
