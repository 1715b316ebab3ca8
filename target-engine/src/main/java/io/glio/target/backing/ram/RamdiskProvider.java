package io.glio.target.backing.ram;

import io.glio.target.backing.BackingStore;
import io.glio.target.backing.BackingStoreException;
import io.glio.target.backing.BackingStoreException.Condition;
import io.glio.target.backing.BackingStoreProvider;
import io.glio.target.model.Plugin;
import io.glio.target.model.StorageObject;

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
