package io.glio.engine.backing;

import io.glio.engine.model.StorageObject;

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
}
