package io.glio.engine.backing;

import io.glio.engine.model.StorageObject;
import java.util.concurrent.CompletableFuture;

/**
 * Opens the {@link BackingStore} of a storage object of the kinds it knows (fileio, block,
 * ramdisk, user:glfs). The engine asks each provider in turn when a storage object appears in
 * the model, off the model's lock and off Netty's event loops, so opening may take time.
 */
public interface BackingStoreProvider {

    /** Whether this provider opens stores for that object (by plugin and, for user, handler). */
    boolean handles(StorageObject storageObject);

    /**
     * Opens the store, creating what the object names if it does not exist yet (as targetcli
     * does). A store whose medium is unreachable right now (a gluster volume that is down) is
     * still returned, not ready, and reconnects by itself.
     *
     * @throws BackingStoreException when the object cannot be served at all (bad cfgstring, ...)
     */
    BackingStore open(StorageObject storageObject) throws BackingStoreException;

    /**
     * Opens the store without holding the calling thread while a remote medium is waited for:
     * the future completes with the store once its first connection attempt has ended
     * (connected or not), or fails as {@link #open} throws. The default opens on the calling
     * thread, which suits stores on a local medium.
     */
    default CompletableFuture<BackingStore> openAsync(StorageObject storageObject) {
        try {
            return CompletableFuture.completedFuture(open(storageObject));
        } catch (BackingStoreException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
