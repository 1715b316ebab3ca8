package io.glio.engine.runtime;

import io.glio.engine.backing.glfs.GlfsBackingStore;
import io.glio.engine.backing.glfs.GlfsBackingStoreProvider;
import io.glio.engine.backing.glfs.GlfsVolumeHold;
import io.glio.engine.backing.glfs.meta.AluaPreference;
import io.glio.engine.backing.glfs.meta.GatewayEntry;
import io.glio.engine.backing.glfs.meta.GatewayRegistry;
import io.glio.engine.backing.glfs.meta.LuExport;
import io.glio.engine.backing.glfs.meta.LuIdentity;
import io.glio.engine.backing.glfs.meta.LuSharing;
import io.glio.engine.backing.glfs.meta.SharedLu;
import io.glio.engine.model.ModelException;
import io.glio.engine.model.StorageObject;
import io.glio.engine.model.TargetModel;
import io.glio.engine.scsi.LogicalUnit;
import io.glio.engine.scsi.PortGroups;
import io.glio.gfapi.Glfs;
import io.glio.gfapi.GlfsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ties one {@link SharedLu} to this gateway's object, unit and store: what the LU reads from
 * the volume is applied here (the model's wwn and size, the store's served size, the unit's
 * wwn, hold and unit attentions, its ALUA groups); the volume connection is a hold on the
 * store's own.
 */
final class SharedLuTask implements SharedLu.Host, SharedLu.VolumeOpener {

    private static final Logger LOG = LoggerFactory.getLogger(SharedLuTask.class);

    private final TargetModel model;
    private final StorageObject so;
    private final LogicalUnit unit;
    private final GlfsBackingStore store;
    private final GlfsBackingStoreProvider provider;
    private final SharedLu lu;
    private final SharedLus.Settings settings;
    private volatile List<LuExport> exports = List.of();
    private GlfsVolumeHold hold;
    private ScheduledFuture<?> ticking;

    SharedLuTask(TargetModel model, StorageObject so, LogicalUnit unit, GlfsBackingStore store,
                 GlfsBackingStoreProvider provider, SharedLus.Settings settings) {
        this.model = model;
        this.so = so;
        this.unit = unit;
        this.store = store;
        this.provider = provider;
        this.settings = settings;
        this.lu = new SharedLu(store.config().path(), settings.gatewayId(), this, this, settings.interval(),
                System::nanoTime);
    }

    void start(ScheduledExecutorService pool) {
        ticking = pool.scheduleWithFixedDelay(this::tick, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Cancels the ticks and releases the files and the hold once a tick under way has ended. */
    void stop(ScheduledExecutorService pool) {
        if (ticking != null) {
            ticking.cancel(false);
        }
        try {
            pool.execute(this::release);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            release();
        }
    }

    private synchronized void tick() {
        lu.tick();
    }

    private synchronized void release() {
        lu.closeVolume();
        if (hold != null) {
            hold.close();
            hold = null;
        }
    }

    void exports(List<LuExport> next) {
        exports = List.copyOf(next);
    }

    LuSharing sharing() {
        return lu.sharing();
    }

    /**
     * Records the ALUA setting at a tick run now rather than at the next heartbeat.
     *
     * @param requesterNexusKey the nexus of a SET TARGET PORT GROUPS (spared the unit attention), or null
     */
    CompletableFuture<AluaPreference> changeAlua(AluaPreference next, String requesterNexusKey,
                                                 ScheduledExecutorService pool) {
        CompletableFuture<AluaPreference> done = lu.changeAlua(next, requesterNexusKey);
        try {
            pool.execute(this::tick);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            done.completeExceptionally(new IllegalStateException(so + " is no longer served", e));
        }
        return done;
    }

    @Override
    public void registryRead(GatewayRegistry registry, String requester) {
        unit.sharePortGroups(portGroups(registry), requester);
    }

    /** SET TARGET PORT GROUPS: the gateway of the group set active/optimized becomes the preferred one. */
    CompletableFuture<Void> preferGroup(int groupId, String requesterNexusKey, ScheduledExecutorService pool) {
        GatewayRegistry registry = lu.sharing().registry();
        Optional<GatewayEntry> entry = registry.gateways().stream().filter(e -> e.group() == groupId).findFirst();
        if (entry.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException("port group " + groupId + " expired"));
        }
        return changeAlua(new AluaPreference(entry.get().gateway(), AluaPreference.BY_STPG), requesterNexusKey, pool)
                .thenApply(written -> null);
    }

    /** The registry as SCSI reports it: one group per export, this gateway's marked local. */
    static PortGroups portGroups(GatewayRegistry registry) {
        List<PortGroups.Group> groups = new ArrayList<>();
        for (GatewayEntry e : registry.gateways()) {
            groups.add(new PortGroups.Group(e.group(), registry.accessState(e), registry.preferred(e),
                    registry.alua().status(), e.port(), e.iqn(), e.tpg(), e.gateway().equals(registry.self())));
        }
        return new PortGroups(groups);
    }

    @Override
    public Glfs connection() throws GlfsException {
        if (hold == null) {
            hold = provider.holdVolume(store);
        }
        return hold.glfs();
    }

    @Override
    public LuIdentity local() {
        return new LuIdentity(unit.wwn(), store.size(), unit.settings().blockSize());
    }

    @Override
    public StorageObject.WwnOrigin origin() {
        return so.wwnOrigin();
    }

    @Override
    public List<LuExport> exports() {
        return exports;
    }

    @Override
    public void adopt(LuIdentity identity) {
        LOG.info("{}: taking the identity recorded on the volume: wwn {}, {} bytes", so, identity.wwn(), identity.size());
        if (identity.size() != store.size()) {
            store.sizeChangedElsewhere(identity.size());
        }
        try {
            // The IDENTITY event gives the unit its wwn and raises CAPACITY DATA HAS CHANGED.
            model.adoptSharedIdentity(so, identity.wwn(), identity.size());
        } catch (ModelException e) {
            LOG.debug("{}: not adopting: {}", so, e.getMessage()); // deleted meanwhile
        }
    }

    @Override
    public void statusChanged(LuSharing sharing) {
        if (sharing.status() == LuSharing.Status.SHARED) {
            unit.holdForIdentity(null);
        } else {
            unit.holdForIdentity(sharing.message());
            if (sharing.status() == LuSharing.Status.CONFLICT) {
                LOG.warn("{}: {}", so, sharing.message());
            }
        }
    }
}
