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

    public static final Condition POWER_ON = new Condition(0x29, 0x00);
    public static final Condition LUN_RESET = new Condition(0x29, 0x03);
    public static final Condition TARGET_RESET = new Condition(0x29, 0x02);
    public static final Condition MODE_PARAMETERS_CHANGED = new Condition(0x2a, 0x01);
    public static final Condition RESERVATIONS_PREEMPTED = new Condition(0x2a, 0x03);
    public static final Condition RESERVATIONS_RELEASED = new Condition(0x2a, 0x04);
    public static final Condition REGISTRATIONS_PREEMPTED = new Condition(0x2a, 0x05);
    public static final Condition ASYMMETRIC_ACCESS_STATE_CHANGED = new Condition(0x2a, 0x06);
    public static final Condition CAPACITY_CHANGED = new Condition(0x2a, 0x09);
    public static final Condition REPORTED_LUNS_CHANGED = new Condition(0x3f, 0x0e);
    /** INQUIRY DATA HAS CHANGED (SPC-4 Annex F): a shared LU took its wwn from the volume. */
    public static final Condition INQUIRY_DATA_CHANGED = new Condition(0x3f, 0x03);

    /** A unit attention condition: its additional sense code and qualifier (SPC-4 4.5.6). */
    public record Condition(int asc, int ascq) {
    }

    /** A queue holds at most this many; older ones are dropped as SAM-5 allows. */
    private static final int MAX_QUEUED = 16;

    private final Map<String, Deque<Condition>> pending = new HashMap<>();

    /** First contact of a nexus with this LU: a new nexus starts with the power-on condition. */
    public synchronized void attach(String nexusKey) {
        pending.computeIfAbsent(nexusKey, k -> {
            Deque<Condition> q = new ArrayDeque<>();
            q.add(POWER_ON);
            return q;
        });
    }

    public synchronized void raise(String nexusKey, Condition condition) {
        Deque<Condition> q = pending.computeIfAbsent(nexusKey, k -> new ArrayDeque<>());
        if (!q.contains(condition)) {
            if (q.size() >= MAX_QUEUED) {
                q.removeFirst();
            }
            q.addLast(condition);
        }
    }

    /** Raises a condition for every nexus the LU knows except {@code exceptNexusKey} (may be null). */
    public synchronized void raiseAll(Condition condition, String exceptNexusKey) {
        for (String key : pending.keySet().toArray(String[]::new)) {
            if (!key.equals(exceptNexusKey)) {
                raise(key, condition);
            }
        }
    }

    /** The oldest pending condition of that nexus, removed; null when none. */
    public synchronized UnitAttention take(String nexusKey) {
        Deque<Condition> q = pending.get(nexusKey);
        Condition c = q == null ? null : q.pollFirst();
        return c == null ? null : new UnitAttention(c.asc(), c.ascq());
    }

    /** Drops one queued condition kind (REPORT LUNS clears REPORTED LUNS DATA HAS CHANGED). */
    public synchronized void clear(String nexusKey, Condition condition) {
        Deque<Condition> q = pending.get(nexusKey);
        if (q != null) {
            q.remove(condition);
        }
    }

    public synchronized void forget(String nexusKey) {
        pending.remove(nexusKey);
    }
}
