package io.glio.engine.backing.file;

import io.glio.engine.backing.BackingStore;
import io.glio.engine.backing.BackingStoreException;
import io.glio.engine.backing.BackingStoreException.Condition;
import io.glio.engine.backing.BackingStoreProvider;
import io.glio.engine.model.Plugin;
import io.glio.engine.model.StorageObject;

import java.nio.file.Path;

/**
 * block (iblock) objects: the device opened like a file, its size the device's (the model's
 * probe asks the kernel; a regular file standing in for a device uses its length). Read-only
 * objects are opened without write access.
 */
public final class BlockProvider implements BackingStoreProvider {

    @Override
    public boolean handles(StorageObject so) {
        return so.plugin() == Plugin.BLOCK;
    }

    @Override
    public BackingStore open(StorageObject so) throws BackingStoreException {
        String dev = so.dev().orElseThrow(() ->
                new BackingStoreException(Condition.INTERNAL, so.qualifiedName() + " has no device"));
        long size = so.size().orElse(-1);
        return FileBackingStore.open(Path.of(dev), size > 0 ? size : -1, !so.writeBack(), so.readonly(),
                FileioProvider.threads(so));
    }
}
