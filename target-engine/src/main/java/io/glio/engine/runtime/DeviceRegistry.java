package io.glio.engine.runtime;

import io.glio.engine.backing.BackingStore;
import io.glio.engine.backing.BackingStoreException;
import io.glio.engine.backing.BackingStoreProvider;
import io.glio.engine.backing.StoreState;
import io.glio.engine.backing.file.BlockProvider;
import io.glio.engine.backing.file.FileioProvider;
import io.glio.engine.backing.ram.RamdiskProvider;
import io.glio.engine.model.Fabric;
import io.glio.engine.model.InitiatorAccess;
import io.glio.engine.model.ModelEvent;
import io.glio.engine.model.ModelListener;
import io.glio.engine.model.StorageObject;
import io.glio.engine.model.TargetModel;
import io.glio.engine.model.TpgSnapshot;
import io.glio.engine.scsi.DeviceSettings;
import io.glio.engine.scsi.ItNexus;
import io.glio.engine.scsi.LogicalUnit;
import io.glio.engine.scsi.LunAccess;
import io.glio.engine.scsi.NexusOpener;
import io.glio.engine.scsi.NexusSession;
import io.glio.engine.scsi.ScsiTaskExecutor;
import io.glio.engine.scsi.UnitAttentions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The engine's devices: one {@link LogicalUnit} (with its {@link BackingStore}) per storage
 * object of the model, and the SCSI side of every I_T nexus.
 *
 * <p>Model events arrive under the model's lock; the registry only records them there and hands
 * the stores to a {@link StoreOpener}, which opens them in parallel off that lock and publishes
 * each store's {@link StoreState} beside the model ({@link #state}, what {@code ls} shows); the
 * model itself never hears of it. Each nexus holds a snapshot of its LUN map, resolved from the
 * model's published {@link io.glio.engine.model.ModelSnapshot} at login and on every export change
 * ({@link InitiatorAccess#resolve}), so neither login nor the command path takes the model's
 * lock; a changed inventory raises REPORTED LUNS DATA HAS CHANGED on that nexus.
 */
public final class DeviceRegistry implements NexusOpener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceRegistry.class);

    /** How long an open may take before the object says it is still waiting. */
    static final Duration OPEN_TIMEOUT = Duration.ofSeconds(10);

    private final TargetModel model;
    /** Guarded by the model's lock for writes; read from any thread. */
    private final Map<StorageObject, LogicalUnit> units = Collections.synchronizedMap(new IdentityHashMap<>());
    private final StoreOpener opener;
    private final Map<NexusSession, Nexus> sessions = new ConcurrentHashMap<>();
    private final ModelListener listener = this::onEvent;
    private final SharedLus shared;

    public DeviceRegistry(TargetModel model, List<BackingStoreProvider> providers) {
        this(model, providers, SharedLus.Settings::defaults);
    }

    /**
     * With the gateway id and heartbeat interval of the LUs shared through gluster volumes
     * (read on the first such LU, so a registry without any touches no TARGETCLI_HOME).
     */
    DeviceRegistry(TargetModel model, List<BackingStoreProvider> providers,
                   java.util.function.Supplier<SharedLus.Settings> sharing) {
        this.model = model;
        this.shared = new SharedLus(model, providers, sharing);
        this.opener = new StoreOpener(units, providers, OPEN_TIMEOUT, shared::attached);
        synchronized (model) {
            model.addListener(listener);
            model.storageObjects().forEach(this::add);
        }
    }

    /** The stores of this machine: fileio, block and ramdisk. */
    public static List<BackingStoreProvider> localProviders() {
        return List.of(new FileioProvider(), new BlockProvider(), new RamdiskProvider());
    }

    /**
     * Where the store of a storage object stands ({@code not connected} while it opens); empty
     * for an object the registry does not serve. Any thread; never takes the model's lock.
     */
    public Optional<StoreState> state(StorageObject so) {
        return opener.state(so);
    }

    /**
     * How a LU shared through its gluster volume stands (identity, gateways exporting it); empty
     * for objects on other media. Any thread; an immutable snapshot.
     */
    public Optional<io.glio.engine.backing.glfs.meta.LuSharing> sharing(StorageObject so) {
        return shared.sharing(so);
    }

    /** Sets a shared LU's preferred gateway; see {@link SharedLus#preferGateway}. */
    public java.util.concurrent.CompletableFuture<io.glio.engine.backing.glfs.meta.AluaPreference> preferGateway(
            StorageObject so, String gateway) throws io.glio.engine.model.InvalidValueException {
        return shared.preferGateway(so, gateway);
    }

    /** The logical unit of a storage object, if the registry has one. */
    public Optional<LogicalUnit> unit(StorageObject so) {
        return Optional.ofNullable(units.get(so));
    }

    /** A nexus's LUN map and how it is resolved from the model's snapshot. */
    private record Nexus(NexusLunMap map, Supplier<TreeMap<Integer, LunAccess>> resolver) {
    }

    @Override
    public ScsiTaskExecutor open(ItNexus nexus) {
        return open(nexus, () -> resolve(nexus));
    }

    /**
     * Opens the nexus of a local transport (NBD) to a loopback target: tcm_loop has no ACLs, its
     * nexus reaches every LUN of the target's TPG, read-write unless the store is read-only.
     * The map follows the model as an iSCSI nexus's does; an unknown target gives no LUNs.
     */
    public NexusSession openLoopback(ItNexus nexus) {
        return open(nexus, () -> resolveLoopback(nexus.targetName()));
    }

    private NexusSession open(ItNexus nexus, Supplier<TreeMap<Integer, LunAccess>> resolver) {
        NexusLunMap map = new NexusLunMap();
        NexusSession session = new NexusSession(nexus, map, sessions::remove);
        // Called on an event loop at login: no model lock. Registered first, so a mutation
        // published from now on refreshes this map too; replaceFrom orders the two resolves.
        sessions.put(session, new Nexus(map, resolver));
        map.replaceFrom(resolver);
        return session;
    }

    private void onEvent(ModelEvent event) {
        if (event instanceof ModelEvent.StorageObjectAdded e) {
            add(e.storageObject());
        } else if (event instanceof ModelEvent.StorageObjectRemoved e) {
            remove(e.storageObject());
        } else if (event instanceof ModelEvent.StorageObjectChanged e) {
            changed(e);
        } else if (event instanceof ModelEvent.LunAdded || event instanceof ModelEvent.LunRemoved
                || event instanceof ModelEvent.LunChanged || event instanceof ModelEvent.MappedLunAdded
                || event instanceof ModelEvent.MappedLunRemoved || event instanceof ModelEvent.MappedLunChanged
                || event instanceof ModelEvent.NodeAclAdded || event instanceof ModelEvent.NodeAclRemoved
                || event instanceof ModelEvent.TpgChanged || event instanceof ModelEvent.TpgRemoved) {
            refreshSessions();
        }
        if (event instanceof ModelEvent.LunAdded || event instanceof ModelEvent.LunRemoved
                || event instanceof ModelEvent.TpgEnabled || event instanceof ModelEvent.TpgDisabled
                || event instanceof ModelEvent.TpgRemoved || event instanceof ModelEvent.PortalAdded
                || event instanceof ModelEvent.PortalRemoved || event instanceof ModelEvent.TargetRemoved) {
            shared.exportsChanged();
        }
    }

    private void add(StorageObject so) {
        LogicalUnit unit = new LogicalUnit(so.wwn(), so.name(), so.plugin(), DeviceSettings.of(so));
        if (shared.follows(so)) {
            // No medium access before the identity is read from the volume.
            unit.holdForIdentity(io.glio.engine.backing.glfs.meta.LuSharing.PENDING.message());
        }
        units.put(so, unit);
        opener.open(so, unit);
    }

    private void remove(StorageObject so) {
        shared.removed(so);
        LogicalUnit unit = units.remove(so);
        if (unit != null) {
            opener.forget(so, unit);
        }
        refreshSessions();
    }

    private void changed(ModelEvent.StorageObjectChanged e) {
        LogicalUnit unit = units.get(e.storageObject());
        if (unit == null) {
            return;
        }
        switch (e.aspect()) {
            case ATTRIBUTES -> unit.updateSettings(DeviceSettings.of(e.storageObject()));
            case ALUA_GROUPS -> refreshSessions();
            case IDENTITY -> {
                // The store already serves the volume's size (no I/O here): the unit raises
                // CAPACITY DATA HAS CHANGED before the model's new size can be seen.
                unit.adoptWwn(e.storageObject().wwn());
                unit.capacityBlocks();
            }
            case MEDIUM -> {
                long size = e.storageObject().size().orElse(-1);
                unit.updateSettings(DeviceSettings.of(e.storageObject()));
                opener.execute(() -> resize(unit, size));
            }
            default -> { }
        }
    }

    private void resize(LogicalUnit unit, long size) {
        BackingStore store = unit.store();
        if (store != null && size > 0 && size != store.size()) {
            try {
                store.resize(size);
                unit.capacityBlocks(); // raises CAPACITY DATA HAS CHANGED
            } catch (BackingStoreException ex) {
                LOG.warn("{}: resize to {} failed: {}", unit, size, ex.getMessage());
            }
        }
    }

    /** Rebuilds every nexus's LUN map from the model's snapshot (called from the model's listener). */
    private void refreshSessions() {
        sessions.forEach((session, nexus) -> {
            NexusLunMap.Change change = nexus.map().replaceFrom(nexus.resolver());
            if (change.inventoryChanged()) {
                session.reportedLunsChanged();
            }
            for (LogicalUnit unit : change.accessStateChanged()) {
                unit.unitAttentions().raise(session.nexusKey(), UnitAttentions.ASYMMETRIC_ACCESS_STATE_CHANGED);
            }
        });
    }

    /** The nexus's LUNs in the model's current snapshot; takes no model lock. */
    private TreeMap<Integer, LunAccess> resolve(ItNexus nexus) {
        TreeMap<Integer, LunAccess> out = new TreeMap<>();
        Optional<InitiatorAccess> access = model.snapshot().target(Fabric.ISCSI, nexus.targetName())
                .flatMap(t -> t.tpg(nexus.tpgTag()))
                .flatMap(tpg -> InitiatorAccess.resolve(tpg, nexus.initiatorName()));
        if (access.isEmpty()) {
            return out;
        }
        for (InitiatorAccess.InitiatorLun l : access.get().luns()) {
            LogicalUnit unit = units.get(l.tpgLun().storageObject());
            if (unit != null) {
                out.put(l.lun(), new LunAccess(l.lun(), unit, l.readOnly(), l.tpgLun().aluaGroupId(),
                        l.tpgLun().aluaAccessState()));
            }
        }
        return out;
    }

    private TreeMap<Integer, LunAccess> resolveLoopback(String targetWwn) {
        TreeMap<Integer, LunAccess> out = new TreeMap<>();
        Optional<TpgSnapshot> tpg = model.snapshot().target(Fabric.LOOPBACK, targetWwn)
                .flatMap(t -> t.tpgs().stream().findFirst());
        for (TpgSnapshot.LunSnapshot l : tpg.map(TpgSnapshot::luns).orElse(List.of())) {
            LogicalUnit unit = units.get(l.storageObject());
            if (unit != null) {
                out.put(l.index(), new LunAccess(l.index(), unit, false, l.aluaGroupId(), l.aluaAccessState()));
            }
        }
        return out;
    }

    @Override
    public void close() {
        model.removeListener(listener);
        shared.close();
        List<LogicalUnit> all;
        synchronized (units) {
            all = List.copyOf(units.values());
            units.clear();
        }
        opener.close(all);
    }
}
