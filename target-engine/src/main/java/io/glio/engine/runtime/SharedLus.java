package io.glio.engine.runtime;

import io.glio.engine.backing.BackingStore;
import io.glio.engine.backing.BackingStoreProvider;
import io.glio.engine.backing.glfs.GlfsBackingStore;
import io.glio.engine.backing.glfs.GlfsBackingStoreProvider;
import io.glio.engine.backing.glfs.meta.AluaPreference;
import io.glio.engine.backing.glfs.meta.GatewayEntry;
import io.glio.engine.backing.glfs.meta.GatewayRegistry;
import io.glio.engine.backing.glfs.meta.LuExport;
import io.glio.engine.backing.glfs.meta.LuSharing;
import io.glio.engine.model.Fabric;
import io.glio.engine.model.InvalidValueException;
import io.glio.engine.model.Lun;
import io.glio.engine.model.StorageObject;
import io.glio.engine.model.TargetModel;
import io.glio.engine.model.Tpg;
import io.glio.engine.scsi.LogicalUnit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The LUs of this gateway that live on a gluster volume, each followed by a {@link SharedLu}
 * on a small pool of metadata threads: identity taken from (or recorded on) the volume, resizes
 * followed both ways, this gateway registered with a heartbeat. Nothing here runs on an event
 * loop or blocks under the model's lock: model events only hand over immutable export lists,
 * and a LU's ticks never overlap, so a volume that hangs delays only its own LUs' ticks (and
 * holds at most one pool thread per LU).
 */
final class SharedLus implements AutoCloseable {

    /** This gateway's id and the heartbeat interval (also the poll interval of resizes). */
    record Settings(String gatewayId, Duration interval) {

        /** Id from {@link GatewayIdentity#defaultHome()}; interval from {@code glio.lu.heartbeatMillis} (2 s). */
        static Settings defaults() {
            return new Settings(GatewayIdentity.load(GatewayIdentity.defaultHome()),
                    Duration.ofMillis(Long.getLong("glio.lu.heartbeatMillis", 2000)));
        }
    }

    private static final int THREADS = 4;

    private final TargetModel model;
    private final java.util.function.Supplier<Settings> settingsSource;
    private volatile Settings settings;
    private final Optional<GlfsBackingStoreProvider> provider;
    private final Map<StorageObject, SharedLuTask> tasks = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor pool;

    SharedLus(TargetModel model, List<BackingStoreProvider> providers, java.util.function.Supplier<Settings> settings) {
        this.model = model;
        this.settingsSource = settings;
        this.provider = providers.stream().filter(GlfsBackingStoreProvider.class::isInstance)
                .map(GlfsBackingStoreProvider.class::cast).findFirst();
        AtomicInteger count = new AtomicInteger();
        this.pool = new ScheduledThreadPoolExecutor(THREADS, r -> {
            Thread t = new Thread(r, "glio-lu-meta-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
    }

    /** Whether objects of this kind are followed (user:glfs, when a gluster provider is there). */
    boolean follows(StorageObject so) {
        return provider.isPresent() && provider.get().handles(so);
    }

    private synchronized Settings settings() {
        if (settings == null) {
            settings = settingsSource.get();
        }
        return settings;
    }

    /** A store was attached to a unit: follow it when it is a gluster one. Any thread. */
    void attached(StorageObject so, LogicalUnit unit, BackingStore store) {
        if (!(store instanceof GlfsBackingStore glfs) || provider.isEmpty()) {
            return;
        }
        SharedLuTask task = new SharedLuTask(model, so, unit, glfs, provider.get(), settings());
        task.exports(exportsOf(so));
        if (tasks.putIfAbsent(so, task) == null) {
            unit.controlAlua((group, nexusKey) -> task.preferGroup(group, nexusKey, pool));
            task.start(pool);
        }
    }

    /** The object is gone: stop following it, off the caller's thread (it may hold the model's lock). */
    void removed(StorageObject so) {
        SharedLuTask task = tasks.remove(so);
        if (task != null) {
            task.stop(pool);
        }
    }

    /** Exports may have changed; called under the model's lock, so it only computes and hands over. */
    void exportsChanged() {
        tasks.forEach((so, task) -> task.exports(exportsOf(so)));
    }

    Optional<LuSharing> sharing(StorageObject so) {
        return Optional.ofNullable(tasks.get(so)).map(SharedLuTask::sharing);
    }

    /**
     * Makes {@code gateway} the preferred one of a shared LU ({@code this} for this gateway,
     * {@code none} or empty for none), recorded on the volume at a tick run now; every gateway
     * reports it at its next heartbeat. A value naming no live gateway of the LU is refused
     * naming it and the live ones, and nothing is written.
     */
    CompletableFuture<AluaPreference> preferGateway(StorageObject so, String gateway) throws InvalidValueException {
        SharedLuTask task = tasks.get(so);
        if (task == null) {
            throw new InvalidValueException("preferred_gateway: " + so.plugin().saveName() + ":" + so.name()
                    + " is not a LU shared through a gluster volume");
        }
        GatewayRegistry registry = task.sharing().registry();
        String id = gateway.equals("this") ? settings().gatewayId() : gateway.equals("none") ? "" : gateway;
        if (!id.isEmpty() && registry.gateways().stream().noneMatch(e -> e.gateway().equals(id))) {
            throw new InvalidValueException("preferred_gateway: '" + gateway + "' is no live gateway of this LU (live: "
                    + String.join(", ", registry.gateways().stream().map(GatewayEntry::gateway).distinct().toList())
                    + "; or 'this', 'none')");
        }
        return task.changeAlua(new AluaPreference(id, id.isEmpty() ? AluaPreference.NO_STATUS : AluaPreference.IMPLICIT),
                null, pool);
    }

    /** Where this gateway exports the object: its iSCSI LUNs in enabled TPGs. Under the model's lock. */
    private static List<LuExport> exportsOf(StorageObject so) {
        List<LuExport> out = new ArrayList<>();
        for (Lun lun : so.luns()) {
            Tpg tpg = lun.tpg();
            if (tpg.fabric() == Fabric.ISCSI && tpg.enabled()) {
                out.add(new LuExport(tpg.target().wwn(), tpg.tag(),
                        tpg.portals().stream().map(p -> p.ipAddress() + ":" + p.port()).toList()));
            }
        }
        return out;
    }

    /** Stops every LU, waiting up to 5 s for ticks under way. */
    @Override
    public void close() {
        tasks.keySet().forEach(this::removed);
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
