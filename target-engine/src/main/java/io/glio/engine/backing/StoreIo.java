package io.glio.engine.backing;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/** Shared checks and helpers for the local stores. */
public final class StoreIo {

    /** Zero source used for zero writes; never written to. */
    private static final ByteBuffer ZEROES = ByteBuffer.allocateDirect(1 << 20).asReadOnlyBuffer();

    private StoreIo() {
    }

    /** Rejects a range outside {@code [0, size)}; the SCSI layer checks first, this is the store's own guard. */
    public static void checkRange(long offset, long length, long size) throws BackingStoreException {
        if (offset < 0 || length < 0 || offset + length > size || offset + length < 0) {
            throw new BackingStoreException(BackingStoreException.Condition.INTERNAL,
                    "range " + offset + "+" + length + " outside store of " + size + " bytes");
        }
    }

    /** A read-only view of up to {@code length} zero bytes (at most 1 MiB). */
    public static ByteBuffer zeroes(long length) {
        ByteBuffer z = ZEROES.duplicate();
        z.limit((int) Math.min(length, z.capacity()));
        return z;
    }

    public static <T> CompletableFuture<T> failed(Throwable t) {
        return CompletableFuture.failedFuture(t);
    }

    /** Runs a memory copy on the caller's thread after the range check (ramdisk, nullio). */
    public static CompletableFuture<Void> inline(long offset, long length, long size, Runnable copy) {
        try {
            checkRange(offset, length, size);
        } catch (BackingStoreException e) {
            return failed(e);
        }
        copy.run();
        return CompletableFuture.completedFuture(null);
    }
}
