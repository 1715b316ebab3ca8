package io.glio.engine.backing.glfs;

import static io.glio.engine.backing.glfs.GlfsTestVolumes.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.glio.engine.backing.BackingStoreException;
import io.glio.engine.backing.BackingStoreException.Condition;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Kills the test volume's brick process under a writing store and restarts it; runs only when
 * destructive tests are asked for ({@link GlusterBrick}).
 */
class GlfsBrickFailureTest {

    @Test
    void killingTheBrickDuringWritesMakesTheStoreNotReadyUntilItIsBack() throws Exception {
        GlusterBrick.assumeDestructiveAllowed();
        try (GlfsTestVolumes gluster = new GlfsTestVolumes()) {
            GlfsBackingStoreProvider provider = new GlfsBackingStoreProvider(GlfsTestVolumes.QUICK);
            GlfsBackingStore store = provider.open(gluster.userObject("gfapi-brick", 16 << 20, gluster.newPath("brick")));
            List<String> states = new CopyOnWriteArrayList<>();
            store.onStateChange(() -> states.add(store.state().description()));
            String volume = gluster.volume.volume();
            long killed = -1;
            try {
                assertThat(writeRounds(store, 20)).isEmpty();

                killed = GlusterBrick.kill(volume);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (store.isReady() && System.nanoTime() < deadline) {
                    // Writes in flight while the brick dies may fail either way; only the state after counts.
                    writeRounds(store, 1);
                }
                assertThat(store.isReady()).as("ready after the brick died").isFalse();
                assertThat(store.state().description()).startsWith("not connected: ");
                assertThat(writeRounds(store, 1)).containsExactly(Condition.NOT_READY);
            } finally {
                GlusterBrick.restart(volume, killed);
            }
            waitFor(store::isReady, 90);
            assertThat(store.state().description()).isEqualTo("connected");
            assertThat(writeRounds(store, 5)).isEmpty();
            ByteBuffer back = ByteBuffer.allocateDirect(65536);
            store.read(0, back).get(30, TimeUnit.SECONDS);
            assertThat(back.flip()).isEqualTo(randomBytes(65536, 0, true));
            assertThat(states).first().asString().startsWith("not connected: ");
            assertThat(states).last().isEqualTo("connected");
            store.close();
        }
    }

    /** FUA writes (so gluster's write-behind cannot hide a dead brick); the failures' conditions. */
    private static List<Condition> writeRounds(GlfsBackingStore store, int rounds) throws Exception {
        List<Condition> failures = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            try {
                store.write(i % 8 * 65536L, randomBytes(65536, i % 8, true), true).get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                failures.add(((BackingStoreException) e.getCause()).condition());
            }
        }
        return failures;
    }

    private static void waitFor(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as("within " + seconds + " s").isTrue();
    }
}
