package io.glio.engine.backing.glfs;

import io.glio.gfapi.Glfs;
import io.glio.engine.backing.BackingStoreException;
import io.glio.engine.backing.BackingStoreException.Condition;
import io.glio.engine.backing.BackingStoreProvider;
import io.glio.engine.model.Plugin;
import io.glio.engine.model.StorageObject;

/**
 * Opens user:glfs storage objects ({@code config} {@code glfs/volume@host/path}) as
 * {@link GlfsBackingStore}s. Stores on the same volume and servers share one gluster connection,
 * which is dropped when the last of them closes.
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
     * (sparse) to the object's size instead of being refused.
     */
    public GlfsBackingStore open(StorageObject storageObject, boolean growFile) throws BackingStoreException {
        if (!handles(storageObject)) {
            throw new BackingStoreException(Condition.UNSUPPORTED, storageObject + " is not a user:glfs object");
        }
        GlfsConfigString config = GlfsConfigString.parse(storageObject.config().orElse(""));
        long size = storageObject.size().orElse(0);
        if (size <= 0) {
            throw new BackingStoreException(Condition.INTERNAL,
                    storageObject + ": size " + size + " of " + config + " must be positive");
        }
        GlfsBackingStore store = new GlfsBackingStore(storageObject.name(), config, size, growFile,
                connections, settings);
        store.start();
        return store;
    }

    /** Gluster connections open now (one per volume and server list in use). */
    public int connectionCount() {
        return connections.connectionCount();
    }
}
