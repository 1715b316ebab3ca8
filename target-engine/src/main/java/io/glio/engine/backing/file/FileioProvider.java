package io.glio.engine.backing.file;

import io.glio.engine.backing.BackingStore;
import io.glio.engine.backing.BackingStoreException;
import io.glio.engine.backing.BackingStoreException.Condition;
import io.glio.engine.backing.BackingStoreProvider;
import io.glio.engine.model.Plugin;
import io.glio.engine.model.StorageObject;

import java.nio.file.Path;

/** fileio objects: the file named by {@code dev}, at the object's configured size. */
public final class FileioProvider implements BackingStoreProvider {

    /** LIO's fileio has no thread pool of its own; eight positional I/Os in flight per object keeps a disk busy. */
    static final int IO_THREADS = 8;

    @Override
    public boolean handles(StorageObject so) {
        return so.plugin() == Plugin.FILEIO;
    }

    @Override
    public BackingStore open(StorageObject so) throws BackingStoreException {
        String dev = so.dev().orElseThrow(() ->
                new BackingStoreException(Condition.INTERNAL, so.qualifiedName() + " has no file"));
        long size = so.size().orElse(-1);
        return FileBackingStore.open(Path.of(dev), size, !so.writeBack(), false, threads(so));
    }

    static int threads(StorageObject so) {
        return (int) Math.max(1, Math.min(IO_THREADS, so.attributes().getLong("queue_depth", IO_THREADS)));
    }
}
