package io.glio.engine.backing.glfs;

import static io.glio.engine.backing.glfs.GlfsTestVolumes.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.glio.gfapi.Glfs;
import io.glio.gfapi.VolfileServer;
import io.glio.engine.backing.StoreState;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A store whose volfile server answers only after open connects by itself later. */
class GlfsReconnectTest {

    @Test
    void aStoreOpenedWhileGlusterdIsUnreachableConnectsWhenItAnswers() throws Exception {
        try (GlfsTestVolumes gluster = new GlfsTestVolumes()) {
            VolfileServer glusterd = VolfileServer.parse(gluster.volume.host());
            try (TcpRelay relay = new TcpRelay(new InetSocketAddress(glusterd.host(), glusterd.port()))) {
                // The model refuses ':' in config strings, so the relay's port goes in directly.
                String path = gluster.newPath("reconnect");
                GlfsConfigString config = GlfsConfigString.parse(
                        "glfs/" + gluster.volume.volume() + "@127.0.0.1:" + relay.port() + "/" + path);
                GlfsConnections connections = new GlfsConnections(Glfs::connectTo);
                GlfsBackingStore store = new GlfsBackingStore("gfapi-reconnect", config, 1 << 20, false, GlfsCaching.NONE,
                        connections, GlfsTestVolumes.QUICK);
                List<String> states = new CopyOnWriteArrayList<>();
                store.onStateChange(() -> states.add(store.state().description()));
                try {
                    store.start().get(10, TimeUnit.SECONDS);
                    assertThat(store.state().kind()).isEqualTo(StoreState.Kind.NOT_CONNECTED);
                    assertThat(store.state().description()).startsWith("not connected: glfs_init of volume '"
                            + gluster.volume.volume() + "' via [127.0.0.1:" + relay.port() + "]: ENOTCONN");

                    relay.start();
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    // The listener hears of the change on the reconnect thread just after
                    // isReady() turns true: wait for both before looking at either.
                    while ((!store.isReady() || !"connected".equals(lastOf(states)))
                            && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    assertThat(store.isReady()).as("connected within 30 s of glusterd answering").isTrue();
                    assertThat(states).last().isEqualTo("connected");
                    assertThat(connections.connectionCount()).isEqualTo(1);

                    store.write(0, randomBytes(4096, 9, true), true).get(30, TimeUnit.SECONDS);
                    ByteBuffer back = ByteBuffer.allocateDirect(4096);
                    store.read(0, back).get(30, TimeUnit.SECONDS);
                    assertThat(back.flip()).isEqualTo(randomBytes(4096, 9, true));
                } finally {
                    store.close();
                }
                assertThat(connections.connectionCount()).isZero();
                assertThat(states).last().isEqualTo("closed");
            }
        }
    }

    private static String lastOf(List<String> states) {
        return states.isEmpty() ? null : states.get(states.size() - 1);
    }
}
