package io.glio.target.backing.ram;

import io.glio.target.backing.BackingStore;
import io.glio.target.backing.BackingStoreException;
import io.glio.target.backing.StoreIo;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/** rd_mcp with {@code nullio=true}: reads return zeroes, writes are discarded. */
public final class NullBackingStore implements BackingStore {

    private volatile long size;

    public NullBackingStore(long size) {
        this.size = size;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public CompletableFuture<Void> read(long offset, ByteBuffer dst) {
        CompletableFuture<Void> checked = check(offset, dst.remaining());
        while (checked.isDone() && !checked.isCompletedExceptionally() && dst.hasRemaining()) {
            dst.put((byte) 0);
        }
        return checked;
    }

    @Override
    public CompletableFuture<Void> write(long offset, ByteBuffer src, boolean forceUnitAccess) {
        CompletableFuture<Void> checked = check(offset, src.remaining());
        if (!checked.isCompletedExceptionally()) {
            src.position(src.limit());
        }
        return checked;
    }

    @Override
    public CompletableFuture<Void> flush() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> unmap(long offset, long length) {
        return check(offset, length);
    }

    @Override
    public CompletableFuture<Void> writeZeroes(long offset, long length) {
        return check(offset, length);
    }

    @Override
    public void resize(long newSize) {
        size = newSize;
    }

    @Override
    public void close() {
    }

    private CompletableFuture<Void> check(long offset, long length) {
        try {
            StoreIo.checkRange(offset, length, size);
            return CompletableFuture.completedFuture(null);
        } catch (BackingStoreException e) {
            return StoreIo.failed(e);
        }
    }
}
