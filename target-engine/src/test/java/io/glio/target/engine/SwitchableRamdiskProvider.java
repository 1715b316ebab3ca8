package io.glio.target.engine;

import io.glio.target.backing.BackingStore;
import io.glio.target.backing.BackingStoreProvider;
import io.glio.target.backing.ram.RamdiskBackingStore;
import io.glio.target.model.Plugin;
import io.glio.target.model.StorageObject;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real ramdisk whose readiness the test switches, standing in for a gluster store whose volume
 * goes away and comes back (the readiness callback path of {@link BackingStore#onStateChange}).
 */
final class SwitchableRamdiskProvider implements BackingStoreProvider {

    static final String NAME = "switchable";

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean ready = true;

    void setReady(boolean now) {
        ready = now;
        listeners.forEach(Runnable::run);
    }

    @Override
    public boolean handles(StorageObject so) {
        return so.plugin() == Plugin.RAMDISK && so.name().equals(NAME);
    }

    @Override
    public BackingStore open(StorageObject so) {
        RamdiskBackingStore ram = new RamdiskBackingStore(so.size().orElseThrow());
        return new BackingStore() {
            @Override
            public long size() {
                return ram.size();
            }

            @Override
            public boolean isReady() {
                return ready;
            }

            @Override
            public String stateDescription() {
                return ready ? "connected" : "not connected: ENOTCONN";
            }

            @Override
            public void onStateChange(Runnable listener) {
                listeners.add(listener);
            }

            @Override
            public CompletableFuture<Void> read(long offset, ByteBuffer dst) {
                return ram.read(offset, dst);
            }

            @Override
            public CompletableFuture<Void> write(long offset, ByteBuffer src, boolean fua) {
                return ram.write(offset, src, fua);
            }

            @Override
            public CompletableFuture<Void> flush() {
                return ram.flush();
            }

            @Override
            public CompletableFuture<Void> unmap(long offset, long length) {
                return ram.unmap(offset, length);
            }

            @Override
            public CompletableFuture<Void> writeZeroes(long offset, long length) {
                return ram.writeZeroes(offset, length);
            }

            @Override
            public void resize(long newSize) {
                ram.resize(newSize);
            }

            @Override
            public void close() {
                ram.close();
            }
        };
    }
}
