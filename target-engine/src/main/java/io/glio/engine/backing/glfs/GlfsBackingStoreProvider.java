package io.glio.engine.backing.glfs;

import io.glio.gfapi.Glfs;
import io.glio.gfapi.GlfsException;
import io.glio.engine.backing.BackingStore;
import io.glio.engine.backing.BackingStoreException;
import io.glio.engine.backing.BackingStoreException.Condition;
import io.glio.engine.backing.BackingStoreProvider;
import io.glio.engine.model.Plugin;
import io.glio.engine.model.StorageObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens user:glfs storage objects ({@code config} {@code glfs/volume@host/path}) as
 * {@link GlfsBackingStore}s. Stores on the same volume and servers with the same
 * {@link GlfsCaching} (from {@code emulate_write_cache}) share one gluster connection, which is
 * dropped when the last of them closes. The caching is chosen when the store opens: a changed
 * {@code emulate_write_cache} changes the reported WCE at once and the connection at the next
 * open.
 */
public final class GlfsBackingStoreProvider implements BackingStoreProvider {

    /** The tcmu-runner handler name this provider serves. */
    public static final String HANDLER = "glfs";

    private final GlfsConnections connections;
    private final GlfsStoreSettings settings;

    public GlfsBackingStoreProvider() {
        this(GlfsStoreSettings.DEFAULT);
    }

    public GlfsBackingStoreProvider(GlfsStoreSettings settings) {
        this(settings, new GlfsConnections(Glfs::connectTo));
    }

    GlfsBackingStoreProvider(GlfsStoreSettings settings, GlfsConnections connections) {
        this.settings = settings;
        this.connections = connections;
    }

    @Override
    public boolean handles(StorageObject storageObject) {
        return storageObject.plugin() == Plugin.USER
                && storageObject.userHandler().filter(HANDLER::equals).isPresent();
    }

    /**
     * Opens the file, creating it (sparse, at the object's size) when missing. An existing file
     * smaller than the object's size is refused; see {@link #open(StorageObject, boolean)}.
     */
    @Override
    public GlfsBackingStore open(StorageObject storageObject) throws BackingStoreException {
        return open(storageObject, false);
    }

    /**
     * As {@link #open(StorageObject)}; with {@code growFile} an existing smaller file is grown
     * (sparse) to the object's size instead of being refused. Waits for the first connection
     * attempt at most {@link GlfsStoreSettings#firstConnectWait()}; an unreachable volume leaves
     * the store not connected and reconnecting.
     */
    public GlfsBackingStore open(StorageObject storageObject, boolean growFile) throws BackingStoreException {
        GlfsBackingStore store = newStore(storageObject, growFile);
        try {
            store.start().get(settings.firstConnectWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            store.firstAttemptOverdue(settings.firstConnectWait());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            store.close();
            throw new BackingStoreException(Condition.NOT_READY, "interrupted while opening " + store.config());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof BackingStoreException b ? b
                    : new BackingStoreException(Condition.INTERNAL, "opening " + store.config() + ": " + e.getCause(), e.getCause());
        }
        return store;
    }

    /**
     * Opens without waiting on the calling thread: the first connection attempt runs on the
     * store's own thread and the future completes when it ends, however long gfapi takes.
     */
    @Override
    public CompletableFuture<BackingStore> openAsync(StorageObject storageObject) {
        GlfsBackingStore store;
        try {
            store = newStore(storageObject, false);
        } catch (BackingStoreException e) {
            return CompletableFuture.failedFuture(e);
        }
        return store.start().thenApply(started -> store);
    }

    private GlfsBackingStore newStore(StorageObject storageObject, boolean growFile) throws BackingStoreException {
        if (!handles(storageObject)) {
            throw new BackingStoreException(Condition.UNSUPPORTED, storageObject + " is not a user:glfs object");
        }
        GlfsConfigString config = GlfsConfigString.parse(storageObject.config().orElse(""));
        long size = storageObject.size().orElse(0);
        if (size <= 0) {
            throw new BackingStoreException(Condition.INTERNAL,
                    storageObject + ": size " + size + " of " + config + " must be positive");
        }
        GlfsCaching caching = storageObject.writeBack() ? GlfsCaching.PRIVATE : GlfsCaching.NONE;
        return new GlfsBackingStore(storageObject.name(), config, size, growFile, caching, connections, settings);
    }

    /**
     * Holds the connection of a store's volume (connecting when nobody does; blocks then, so
     * call it off the event loops). For the LU metadata kept beside the data file; the store's
     * own connection, so the metadata goes without client caches as the store's data does.
     */
    public GlfsVolumeHold holdVolume(GlfsBackingStore store) throws GlfsException {
        return new GlfsVolumeHold(connections.acquire(store.config().volumeKey(), store.caching()));
    }

    /** Gluster connections open now (one per volume and server list in use). */
    public int connectionCount() {
        return connections.connectionCount();
    }
}
