package io.glio.engine.runtime;

import io.glio.gfapi.Glfs;
import io.glio.gfapi.GlusterTestVolume;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the shared-LU tests have in common: the real test volume (skipped without one), a
 * fresh file name per test, gateways on it that each test starts, all stopped and the file
 * removed after the test.
 */
abstract class SharedLuTestBase {

    static final Duration BEAT = Duration.ofMillis(300);

    static GlusterTestVolume volume;
    private static Glfs cleaner;
    String path;
    final List<SharedGateway> gateways = new ArrayList<>();

    @BeforeAll
    static void connect() throws Exception {
        volume = GlusterTestVolume.require();
        cleaner = volume.connect();
    }

    @AfterAll
    static void disconnect() {
        if (cleaner != null) {
            cleaner.close();
        }
    }

    @BeforeEach
    void name() {
        path = GlusterTestVolume.scratchName("shared");
    }

    @AfterEach
    void stopAndRemove() throws Exception {
        gateways.forEach(SharedGateway::close);
        try {
            cleaner.unlink("/" + path);
        } catch (Exception e) {
            // a test that never created it
        }
    }

    SharedGateway gateway(String id, String wwn, boolean force) {
        SharedGateway g = new SharedGateway(id, "glfs/" + volume.volume() + "@" + volume.host() + "/" + path, wwn, force,
                BEAT);
        gateways.add(g);
        return g;
    }
}
