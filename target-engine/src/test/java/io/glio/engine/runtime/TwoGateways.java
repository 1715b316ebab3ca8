package io.glio.engine.runtime;

import io.glio.gfapi.GlusterTestVolume;
import java.time.Duration;

/**
 * Two gateways in one JVM exporting one file of the test volume as one LU (same wwn): each a
 * {@link SharedGateway} with its own model, {@link DeviceRegistry} and gluster connection, as two
 * gateway processes would, and one in-process initiator logged in through each.
 */
final class TwoGateways implements AutoCloseable {

    static final String WWN = "0b4e8f2a-3c1d-4e5f-9a6b-7c8d9e0f1a2b";
    static final int BLOCK = 512;

    final String path;
    final SharedGateway a;
    final SharedGateway b;

    /** Both gateways on a fresh file of {@code size} bytes, with the given {@code emulate_write_cache}. */
    TwoGateways(GlusterTestVolume volume, long size, String emulateWriteCache) {
        path = GlusterTestVolume.scratchName("coherent");
        String config = "glfs/" + volume.volume() + "@" + volume.host() + "/" + path;
        // hw_max_sectors 2048: the tests write 1 MiB in one command.
        a = new SharedGateway("coherent-a", config, size, WWN, false, "2048", emulateWriteCache, Duration.ofSeconds(2));
        b = new SharedGateway("coherent-b", config, size, WWN, false, "2048", emulateWriteCache, Duration.ofSeconds(2));
        a.login("23d000000001");
        b.login("23d000000002");
    }

    @Override
    public void close() {
        a.close();
        b.close();
    }
}
