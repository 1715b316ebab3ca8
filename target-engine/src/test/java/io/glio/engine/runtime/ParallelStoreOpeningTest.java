package io.glio.engine.runtime;

import io.glio.engine.backing.StoreState;
import io.glio.engine.backing.glfs.GlfsBackingStoreProvider;
import io.glio.engine.model.DeviceProbe;
import io.glio.engine.model.ModelEnvironment;
import io.glio.engine.model.StorageObject;
import io.glio.engine.model.TargetModel;
import io.glio.gfapi.Glfs;
import io.glio.gfapi.GlfsException;
import io.glio.gfapi.GlusterTestVolume;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Restoring 100 user:glfs LUNs on 10 volumes, one of which never answers, serves the other 90
 * as fast as when all 10 answer: one unreachable volume delays no other store. The 10 volumes
 * are the test volume reached through 9 loopback aliases of its glusterd (127.0.0.2-10, one
 * gluster connection each) and a tenth volfile server on loopback that accepts connections and
 * never answers, so gfapi's {@code glfs_init} waits on it; nothing leaves this machine.
 */
class ParallelStoreOpeningTest {

    private static final int VOLUMES = 10;
    private static final int LUNS_PER_VOLUME = 10;
    private static final long SIZE = 1 << 20;
    private static final Duration SLACK = Duration.ofSeconds(2);

    private static GlusterTestVolume volume;
    private static Glfs glfs;
    private static final List<String> files = new ArrayList<>();

    @BeforeAll
    static void requireVolume() throws GlfsException {
        volume = GlusterTestVolume.require();
        glfs = volume.connect();
    }

    @AfterAll
    static void removeFiles() throws GlfsException {
        if (glfs == null) {
            return;
        }
        try {
            for (String path : files) {
                try {
                    glfs.unlink(path);
                } catch (GlfsException e) {
                    if (!"ENOENT".equals(e.errnoName())) { // the unreachable volume's files were never made
                        throw e;
                    }
                }
            }
        } finally {
            glfs.close();
        }
    }

    @Test
    void oneUnreachableVolumeDelaysNoOtherStore() throws Exception {
        // The unreachable case runs first, cold (JIT, first connections), so any bias is against it.
        Duration oneUnreachable;
        try (SilentServer silent = new SilentServer()) {
            oneUnreachable = timeToServe(silent);
            assertThat(silent.connections()).as("gfapi asked the silent volfile server").isPositive();
        }
        Duration allReachable = timeToServe(null);
        System.out.printf("90 of 100 user:glfs LUNs served after %d ms with all 10 volumes reachable, %d ms with"
                + " one unreachable%n", allReachable.toMillis(), oneUnreachable.toMillis());
        assertThat(oneUnreachable).isLessThan(allReachable.plus(SLACK));
    }

    /**
     * Restores the 100 LUNs (the tenth volume on {@code silent} when given, else reachable too)
     * and returns how long the 90 on the first nine volumes took to become ready.
     */
    private Duration timeToServe(SilentServer silent) throws Exception {
        TargetModel model = new TargetModel(
                new ModelEnvironment("gw1.example.com", "x86_64", UUID::randomUUID, DeviceProbe.system()));
        List<StorageObject> served = new ArrayList<>();
        List<StorageObject> stuck = new ArrayList<>();
        try (DeviceRegistry registry = new DeviceRegistry(model, List.of(new GlfsBackingStoreProvider()))) {
            long start = System.nanoTime();
            synchronized (model) { // one restore: every object is added before any opens
                // Interleaved, so that opening one by one would meet the silent volume first.
                for (int lun = 0; lun < LUNS_PER_VOLUME; lun++) {
                    for (int v = VOLUMES - 1; v >= 0; v--) {
                        boolean silentOne = v == VOLUMES - 1 && silent != null;
                        String host = silentOne ? "127.0.0.1:" + silent.port() : reachableHost(v);
                        String path = GlusterTestVolume.scratchName("parallel-" + v + "-" + lun);
                        files.add(path);
                        StorageObject so = model.createUser("par" + v + "x" + lun + (silent == null ? "a" : "b"), SIZE,
                                "glfs/" + volume.volume() + "@" + host + "/" + path, null, null, null);
                        (silentOne ? stuck : served).add(so);
                    }
                }
            }
            ScsiFixture.waitUntil(() -> served.stream().allMatch(so -> registry.unit(so).map(u -> u.ready())
                    .orElse(false)), "the LUNs on the reachable volumes", Duration.ofSeconds(60));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            for (StorageObject so : stuck) {
                assertThat(registry.unit(so).orElseThrow().ready()).as(so + " ready").isFalse();
                assertThat(registry.state(so).orElseThrow().kind()).as(so.name()).isEqualTo(StoreState.Kind.CONNECTING);
                assertThat(registry.state(so).orElseThrow().description()).startsWith("not connected: ");
            }
            return took;
        }
    }

    /**
     * The test volume's glusterd under a loopback alias of its address (each alias is a volfile
     * server of its own, so a connection of its own); the configured host when it is not
     * 127.0.0.1.
     */
    private static String reachableHost(int v) {
        return volume.host().equals("127.0.0.1") ? "127.0.0." + (2 + v) : volume.host();
    }

    /** A volfile server on loopback that accepts connections and never answers. */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final Thread acceptor = new Thread(this::acceptAll, "silent-volfile-server");

        SilentServer() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        int connections() {
            return accepted.size();
        }

        private void acceptAll() {
            try {
                while (true) {
                    accepted.add(socket.accept());
                }
            } catch (IOException closed) {
                // close() ends the loop
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
