package io.glio.engine.backing.ram;

import io.glio.engine.backing.BackingStore;
import io.glio.engine.backing.StoreIo;

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
        return StoreIo.inline(offset, dst.remaining(), size, () -> {
            while (dst.hasRemaining()) {
                dst.put((byte) 0);
            }
        });
    }

    @Override
    public CompletableFuture<Void> write(long offset, ByteBuffer src, boolean forceUnitAccess) {
        return StoreIo.inline(offset, src.remaining(), size, () -> src.position(src.limit()));
    }

    @Override
    public CompletableFuture<Void> flush() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> unmap(long offset, long length) {
        return StoreIo.inline(offset, length, size, () -> { });
    }

    @Override
    public CompletableFuture<Void> writeZeroes(long offset, long length) {
        return StoreIo.inline(offset, length, size, () -> { });
    }

    @Override
    public void resize(long newSize) {
        size = newSize;
    }

    @Override
    public void close() {
    }
}
