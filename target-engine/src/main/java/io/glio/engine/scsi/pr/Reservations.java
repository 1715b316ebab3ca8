package io.glio.engine.scsi.pr;

import io.glio.engine.scsi.UnitAttentions;
import io.glio.engine.scsi.sense.InvalidFieldInCdb;
import io.glio.engine.scsi.sense.InvalidFieldInParameterList;
import io.glio.engine.scsi.sense.InvalidReleaseOfPersistentReservation;
import io.glio.engine.scsi.sense.ReservationConflict;
import io.glio.engine.scsi.sense.ScsiException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reservations of one logical unit: the SPC-2 RESERVE/RELEASE holder and the SPC-4 persistent
 * reservation state (registrations by I_T nexus, holder, type, generation). All methods are
 * short and synchronized on this object; no I/O happens under the lock.
 */
public final class Reservations {

    private final UnitAttentions unitAttentions;
    private String spc2Holder;
    private final Map<String, Registrant> registrants = new LinkedHashMap<>();
    private String holder;      // nexus key; null with an all-registrants type
    private int type;           // 0: no persistent reservation
    private int generation;

    public Reservations(UnitAttentions unitAttentions) {
        this.unitAttentions = unitAttentions;
    }

    /** Throws RESERVATION CONFLICT when a reservation of another nexus blocks this access. */
    public synchronized void check(String nexusKey, AccessKind access) throws ReservationConflict {
        if (access == AccessKind.ALWAYS) {
            return;
        }
        if (spc2Holder != null && !spc2Holder.equals(nexusKey)) {
            throw new ReservationConflict();
        }
        if (type == 0 || access == AccessKind.PERSISTENT_RESERVATION || access == AccessKind.OTHER
                || holds(nexusKey)) {
            return;
        }
        if (PrType.registrantsAccess(type) && registrants.containsKey(nexusKey)) {
            return;
        }
        if (access == AccessKind.WRITE || PrType.exclusiveAccess(type)) {
            throw new ReservationConflict();
        }
    }

    // ------------------------------------------------------------------ SPC-2

    /** RESERVE(6/10): conflicts with another nexus's reservation or with persistent registrations (CRH). */
    public synchronized void reserve(String nexusKey) throws ReservationConflict {
        if ((spc2Holder != null && !spc2Holder.equals(nexusKey)) || (type != 0 && !holds(nexusKey))) {
            throw new ReservationConflict();
        }
        spc2Holder = nexusKey;
    }

    /** RELEASE(6/10): only the holder's release has an effect; others get GOOD (SPC-2 7.17). */
    public synchronized void release(String nexusKey) {
        if (nexusKey.equals(spc2Holder)) {
            spc2Holder = null;
        }
    }

    /** LUN reset, target reset: SPC-2 reservations go, persistent ones stay. */
    public synchronized void resetSpc2() {
        spc2Holder = null;
    }

    /** The nexus ended: its SPC-2 reservation goes (persistent registrations survive, SPC-4 5.9.2). */
    public synchronized void nexusLost(String nexusKey) {
        release(nexusKey);
    }

    public synchronized boolean spc2Reserved() {
        return spc2Holder != null;
    }

    // ------------------------------------------------------------------ PERSISTENT RESERVE OUT

    /** REGISTER (0) and REGISTER AND IGNORE EXISTING KEY (6), SPC-4 5.9.7. */
    public synchronized void register(Registrant who, long reservationKey, boolean ignoreExisting) throws ScsiException {
        Registrant existing = registrants.get(who.nexusKey());
        if (existing == null) {
            if (!ignoreExisting && reservationKey != 0) {
                throw new ReservationConflict();
            }
            if (who.key() != 0) {
                registrants.put(who.nexusKey(), who);
                generation++;
            }
            return;
        }
        if (!ignoreExisting && existing.key() != reservationKey) {
            throw new ReservationConflict();
        }
        if (who.key() == 0) {
            unregister(who.nexusKey());
        } else {
            registrants.put(who.nexusKey(), who);
        }
        generation++;
    }

    private void unregister(String nexusKey) {
        registrants.remove(nexusKey);
        if (type == 0) {
            return;
        }
        if (PrType.allRegistrants(type)) {
            if (registrants.isEmpty()) {
                clearReservation();
            }
        } else if (nexusKey.equals(holder)) {
            boolean notify = PrType.registrantsAccess(type);
            clearReservation();
            if (notify) {
                raiseForRegistrants(UnitAttentions.RESERVATIONS_RELEASED, nexusKey);
            }
        }
    }

    /** RESERVE (1). */
    public synchronized void reserve(String nexusKey, long reservationKey, int newType) throws ScsiException {
        checkRegistered(nexusKey, reservationKey);
        if (!PrType.valid(newType)) {
            throw new InvalidFieldInCdb(2, 3);
        }
        if (spc2Holder != null && !spc2Holder.equals(nexusKey)) {
            throw new ReservationConflict();
        }
        if (type != 0) {
            if (!holds(nexusKey) || type != newType) {
                throw new ReservationConflict();
            }
            return;
        }
        type = newType;
        holder = PrType.allRegistrants(newType) ? null : nexusKey;
    }

    /** RELEASE (2). */
    public synchronized void release(String nexusKey, long reservationKey, int releaseType) throws ScsiException {
        checkRegistered(nexusKey, reservationKey);
        if (type == 0 || !holds(nexusKey)) {
            return;
        }
        if (releaseType != type) {
            throw new InvalidReleaseOfPersistentReservation();
        }
        boolean notify = PrType.registrantsAccess(type);
        clearReservation();
        if (notify) {
            raiseForRegistrants(UnitAttentions.RESERVATIONS_RELEASED, nexusKey);
        }
    }

    /** CLEAR (3). */
    public synchronized void clear(String nexusKey, long reservationKey) throws ScsiException {
        checkRegistered(nexusKey, reservationKey);
        raiseForRegistrants(UnitAttentions.RESERVATIONS_PREEMPTED, nexusKey);
        registrants.clear();
        clearReservation();
        generation++;
    }

    /**
     * PREEMPT (4) and PREEMPT AND ABORT (5), SPC-4 5.9.11.4.
     *
     * @return the nexus keys whose registrations were removed (PREEMPT AND ABORT aborts their tasks)
     */
    public synchronized List<String> preempt(String nexusKey, long reservationKey, long preemptKey, int newType)
            throws ScsiException {
        checkRegistered(nexusKey, reservationKey);
        boolean takesReservation;
        if (type != 0 && PrType.allRegistrants(type)) {
            takesReservation = preemptKey == 0;
        } else if (type != 0) {
            Registrant h = registrants.get(holder);
            takesReservation = h != null && h.key() == preemptKey;
            if (preemptKey == 0 && !takesReservation) {
                throw new InvalidFieldInParameterList(8);
            }
        } else {
            if (preemptKey == 0) {
                throw new InvalidFieldInParameterList(8);
            }
            takesReservation = false;
        }
        if (takesReservation && !PrType.valid(newType)) {
            throw new InvalidFieldInCdb(2, 3);
        }
        List<String> removed = new ArrayList<>();
        for (Registrant r : registrants.values()) {
            boolean hit = (takesReservation && PrType.allRegistrants(type)) ? !r.nexusKey().equals(nexusKey)
                    : (r.key() == preemptKey && !r.nexusKey().equals(nexusKey));
            if (hit) {
                removed.add(r.nexusKey());
            }
        }
        if (removed.isEmpty() && !takesReservation) {
            throw new ReservationConflict();
        }
        removed.forEach(registrants::remove);
        for (String k : removed) {
            unitAttentions.raise(k, UnitAttentions.REGISTRATIONS_PREEMPTED);
        }
        if (takesReservation) {
            int oldType = type;
            type = newType;
            holder = PrType.allRegistrants(newType) ? null : nexusKey;
            if (oldType != newType) {
                raiseForRegistrants(UnitAttentions.RESERVATIONS_RELEASED, nexusKey);
            }
        }
        generation++;
        return removed;
    }

    private void checkRegistered(String nexusKey, long reservationKey) throws ReservationConflict {
        Registrant r = registrants.get(nexusKey);
        if (r == null || r.key() != reservationKey) {
            throw new ReservationConflict();
        }
    }

    private boolean holds(String nexusKey) {
        if (type == 0) {
            return false;
        }
        return PrType.allRegistrants(type) ? registrants.containsKey(nexusKey) : nexusKey.equals(holder);
    }

    private void clearReservation() {
        type = 0;
        holder = null;
    }

    private void raiseForRegistrants(UnitAttentions.Condition condition, String exceptNexusKey) {
        for (String k : registrants.keySet()) {
            if (!k.equals(exceptNexusKey)) {
                unitAttentions.raise(k, condition);
            }
        }
    }

    // ------------------------------------------------------------------ PERSISTENT RESERVE IN

    /** A consistent copy for PR IN. */
    public synchronized Snapshot snapshot() {
        return new Snapshot(generation, List.copyOf(registrants.values()), holder, type);
    }

    /** PR state at one moment. {@code holder} is null for all-registrants types or no reservation. */
    public record Snapshot(int generation, List<Registrant> registrants, String holder, int type) {

        public boolean reserved() {
            return type != 0;
        }

        public boolean isHolder(Registrant r) {
            return type != 0 && (PrType.allRegistrants(type) || r.nexusKey().equals(holder));
        }

        /** The reservation key READ RESERVATION reports: the holder's, 0 for all-registrants types. */
        public long reservationKey() {
            if (type == 0 || PrType.allRegistrants(type)) {
                return 0;
            }
            return registrants.stream().filter(r -> r.nexusKey().equals(holder)).mapToLong(Registrant::key)
                    .findFirst().orElse(0);
        }
    }
}
