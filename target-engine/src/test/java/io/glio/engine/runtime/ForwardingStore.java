package io.glio.engine.runtime;

import io.glio.engine.backing.BackingStore;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/** A real store seen through a wrapper; tests override the one behaviour they steer. */
class ForwardingStore implements BackingStore {

    private final BackingStore delegate;

    ForwardingStore(BackingStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public long size() {
        return delegate.size();
    }

    @Override
    public CompletableFuture<Void> read(long offset, ByteBuffer dst) {
        return delegate.read(offset, dst);
    }

    @Override
    public CompletableFuture<Void> write(long offset, ByteBuffer src, boolean forceUnitAccess) {
        return delegate.write(offset, src, forceUnitAccess);
    }

    @Override
    public CompletableFuture<Void> flush() {
        return delegate.flush();
    }

    @Override
    public CompletableFuture<Void> unmap(long offset, long length) {
        return delegate.unmap(offset, length);
    }

    @Override
    public CompletableFuture<Void> writeZeroes(long offset, long length) {
        return delegate.writeZeroes(offset, length);
    }

    @Override
    public void resize(long newSize) throws io.glio.engine.backing.BackingStoreException {
        delegate.resize(newSize);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
