package io.glio.engine.scsi;

import io.glio.engine.backing.BackingStore;
import io.glio.engine.model.Plugin;
import io.glio.engine.scsi.pr.Reservations;

import java.util.concurrent.CompletableFuture;

/**
 * The SCSI disk made of one storage object: identity (wwn, plugin, name), settings from its
 * attributes, the backing store once open, and the per-LU state SCSI keeps across nexuses:
 * unit attentions, reservations, the task set and the LBA range locks of the atomic commands.
 */
public final class LogicalUnit {

    private volatile String wwn;
    /** While set (a shared LU whose identity is not read yet, or conflicts) no medium access is served. */
    private volatile String identityHold;
    private final String name;
    private final Plugin plugin;
    private volatile DeviceSettings settings;
    private volatile BackingStore store;
    private final UnitAttentions unitAttentions = new UnitAttentions();
    private final Reservations reservations = new Reservations(unitAttentions);
    private final TaskSet taskSet = new TaskSet();
    private final CompletedCopies completedCopies = new CompletedCopies();
    private final LbaRangeLocks rangeLocks = new LbaRangeLocks();
    private volatile long lastCapacityBytes = -1;
    /** The groups of a LU shared by several gateways, null for a LU that only the local model describes. */
    private volatile PortGroups portGroups;
    /** Where SET TARGET PORT GROUPS records a change of the shared groups, null for other LUs. */
    private volatile AluaControl aluaControl;

    public LogicalUnit(String wwn, String name, Plugin plugin, DeviceSettings settings) {
        this.wwn = wwn;
        this.name = name;
        this.plugin = plugin;
        this.settings = settings;
    }

    /** EXTENDED COPY commands that finished here, for COPY STATUS. */
    public CompletedCopies completedCopies() {
        return completedCopies;
    }

    /** Unit serial number (VPD 0x80), the storage object's wwn. */
    public String wwn() {
        return wwn;
    }

    /**
     * Takes the wwn a shared LU's volume records (another gateway's); INQUIRY reports it from
     * now on. Raises INQUIRY DATA HAS CHANGED on every nexus when it differs.
     */
    public void adoptWwn(String next) {
        if (!next.equals(wwn)) {
            wwn = next;
            unitAttentions.raiseAll(UnitAttentions.INQUIRY_DATA_CHANGED, null);
        }
    }

    /**
     * Holds medium access (NOT READY) while {@code reason} is not null: a shared LU serves no
     * I/O before its identity is read from the volume, nor while it conflicts with it.
     */
    public void holdForIdentity(String reason) {
        identityHold = reason;
    }

    /** Why medium access is held, or null. */
    public String identityHold() {
        return identityHold;
    }

    /** The ALUA groups shared with other gateways, or null when the LU is not shared. */
    public PortGroups portGroups() {
        return portGroups;
    }

    /**
     * Publishes the shared ALUA groups (the metadata thread, at every heartbeat). When a group
     * seen before changes its state, raises ASYMMETRIC ACCESS STATE CHANGED on every nexus but
     * {@code requesterNexusKey} (SPC-4 5.15.2.5: all of them for an implicit change; all but
     * the one that sent SET TARGET PORT GROUPS for an explicit one).
     */
    public void sharePortGroups(PortGroups next, String requesterNexusKey) {
        PortGroups before = portGroups;
        portGroups = next;
        if (before != null && before.statesChangedIn(next)) {
            unitAttentions.raiseAll(UnitAttentions.ASYMMETRIC_ACCESS_STATE_CHANGED, requesterNexusKey);
        }
    }

    public AluaControl aluaControl() {
        return aluaControl;
    }

    /** Offers SET TARGET PORT GROUPS through {@code control} (a shared LU's metadata task). */
    public void controlAlua(AluaControl control) {
        aluaControl = control;
    }

    public String name() {
        return name;
    }

    public Plugin plugin() {
        return plugin;
    }

    public DeviceSettings settings() {
        return settings;
    }

    /** New attribute values; mode-page visible changes raise MODE PARAMETERS CHANGED for everyone. */
    public void updateSettings(DeviceSettings next) {
        DeviceSettings prev = settings;
        settings = next;
        if (prev.writeCache() != next.writeCache() || prev.dpoFua() != next.dpoFua()
                || prev.readOnly() != next.readOnly()) {
            unitAttentions.raiseAll(UnitAttentions.MODE_PARAMETERS_CHANGED, null);
        }
        if (prev.blockSize() != next.blockSize()) {
            unitAttentions.raiseAll(UnitAttentions.CAPACITY_CHANGED, null);
        }
    }

    /** The store, or null while it is being opened or failed to open. */
    public BackingStore store() {
        return store;
    }

    public void attachStore(BackingStore opened) {
        store = opened;
        synchronized (this) {
            lastCapacityBytes = opened == null ? -1 : opened.size();
        }
    }

    public boolean ready() {
        BackingStore s = store;
        return s != null && s.isReady() && identityHold == null;
    }

    /** Capacity in logical blocks; raises CAPACITY DATA HAS CHANGED when the store's size moved. */
    public long capacityBlocks() {
        BackingStore s = store;
        if (s == null) {
            return 0;
        }
        long bytes = s.size();
        if (bytes == lastCapacityBytes) {
            return bytes / settings.blockSize();
        }
        synchronized (this) {
            if (lastCapacityBytes >= 0 && bytes != lastCapacityBytes) {
                unitAttentions.raiseAll(UnitAttentions.CAPACITY_CHANGED, null);
            }
            lastCapacityBytes = bytes;
        }
        return bytes / settings.blockSize();
    }

    public UnitAttentions unitAttentions() {
        return unitAttentions;
    }

    public Reservations reservations() {
        return reservations;
    }

    TaskSet taskSet() {
        return taskSet;
    }

    /** PREEMPT AND ABORT (SPC-4 5.9.11.5): the tasks of the preempted nexuses end TASK ABORTED. */
    public CompletableFuture<Void> abortTasksOf(java.util.Collection<String> nexusKeys) {
        return NexusSession.abort(this, t -> nexusKeys.contains(t.nexusKey));
    }

    /** The LBA range locks that make COMPARE AND WRITE, ORWRITE and WRITE ATOMIC atomic. */
    public LbaRangeLocks rangeLocks() {
        return rangeLocks;
    }

    /**
     * Flushes the store (SYNCHRONIZE CACHE semantics, SBC-3 5.22: what was acknowledged reaches
     * stable storage; bounded at 10 s) and closes it. New commands see no store from the start
     * (NOT READY); the store's own close waits for the I/O already running and syncs once more,
     * since this flush may run beside writes still queued. A failed flush is logged: closing
     * still releases the store.
     */
    public void close() {
        BackingStore s = store;
        store = null;
        if (s != null) {
            try {
                s.flush().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                     | RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(LogicalUnit.class).warn("{}: flush before close failed: {}", this,
                        e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            s.close();
        }
    }

    @Override
    public String toString() {
        return "LogicalUnit[" + plugin + "/" + name + " " + wwn + "]";
    }
}
