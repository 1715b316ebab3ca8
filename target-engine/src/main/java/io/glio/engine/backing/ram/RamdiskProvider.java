package io.glio.engine.backing.ram;

import io.glio.engine.backing.BackingStore;
import io.glio.engine.backing.BackingStoreException;
import io.glio.engine.backing.BackingStoreException.Condition;
import io.glio.engine.backing.BackingStoreProvider;
import io.glio.engine.model.Plugin;
import io.glio.engine.model.StorageObject;

/** ramdisk (rd_mcp) objects: sparse memory pages, or the null store for {@code nullio}. */
public final class RamdiskProvider implements BackingStoreProvider {

    @Override
    public boolean handles(StorageObject so) {
        return so.plugin() == Plugin.RAMDISK;
    }

    @Override
    public BackingStore open(StorageObject so) throws BackingStoreException {
        long size = so.size().orElseThrow(() ->
                new BackingStoreException(Condition.INTERNAL, so.qualifiedName() + " has no size"));
        return so.nullio() ? new NullBackingStore(size) : new RamdiskBackingStore(size);
    }
}
