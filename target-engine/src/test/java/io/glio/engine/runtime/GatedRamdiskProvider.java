package io.glio.engine.runtime;

import io.glio.engine.backing.BackingStore;
import io.glio.engine.backing.BackingStoreProvider;
import io.glio.engine.backing.ram.RamdiskBackingStore;
import io.glio.engine.model.Plugin;
import io.glio.engine.model.StorageObject;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * A real ramdisk whose writes complete only when the test opens the gate: the one thing a test
 * cannot get from a real store is an I/O that stays in flight for as long as it needs.
 */
final class GatedRamdiskProvider implements BackingStoreProvider {

    static final String NAME = "gated";

    final CompletableFuture<Void> gate = new CompletableFuture<>();
    final CompletableFuture<Void> writeStarted = new CompletableFuture<>();

    @Override
    public boolean handles(StorageObject so) {
        return so.plugin() == Plugin.RAMDISK && so.name().equals(NAME);
    }

    @Override
    public BackingStore open(StorageObject so) {
        return new ForwardingStore(new RamdiskBackingStore(so.size().orElseThrow())) {
            @Override
            public CompletableFuture<Void> write(long offset, ByteBuffer src, boolean fua) {
                writeStarted.complete(null);
                return gate.thenCompose(v -> super.write(offset, src, fua));
            }
        };
    }
}
