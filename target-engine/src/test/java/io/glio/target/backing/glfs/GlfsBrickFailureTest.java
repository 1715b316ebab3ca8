package io.glio.target.backing.glfs;

import static io.glio.target.backing.glfs.GlfsTestVolumes.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.glio.target.backing.BackingStoreException;
import io.glio.target.backing.BackingStoreException.Condition;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Kills the test volume's brick process under a writing store and restarts it. Destructive for
 * anyone else using the volume at that moment, so it runs only when asked:
 * {@code GLIO_GLUSTER_DESTRUCTIVE=1} or {@code -Dglio.gluster.destructive=true}.
 */
class GlfsBrickFailureTest {

    /** The brick node's pid while it is online ({@code <status>1</status>}); -1 otherwise. */
    private static final Pattern BRICK_PID = Pattern.compile(
            "<path>/[^<]*</path>\\s*<peerid>[^<]*</peerid>\\s*<status>1</status>.*?<pid>(\\d+)</pid>", Pattern.DOTALL);

    @Test
    void killingTheBrickDuringWritesMakesTheStoreNotReadyUntilItIsBack() throws Exception {
        Assumptions.assumeTrue("1".equals(System.getenv("GLIO_GLUSTER_DESTRUCTIVE"))
                || Boolean.getBoolean("glio.gluster.destructive"),
                "kills the gluster brick: set GLIO_GLUSTER_DESTRUCTIVE=1 to run");
        try (GlfsTestVolumes gluster = new GlfsTestVolumes()) {
            GlfsBackingStoreProvider provider = new GlfsBackingStoreProvider(GlfsTestVolumes.QUICK);
            GlfsBackingStore store = provider.open(gluster.userObject("gfapi-brick", 16 << 20, gluster.newPath("brick")));
            List<String> states = new CopyOnWriteArrayList<>();
            store.onStateChange(() -> states.add(store.stateDescription()));
            String volume = gluster.volume.volume();
            long killed = -1;
            try {
                assertThat(writeRounds(store, 20)).isEmpty();

                killed = brickPid(volume);
                assertThat(killed).as("brick pid in gluster volume status").isPositive();
                kill(killed);
                List<Condition> failures = new ArrayList<>();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (store.isReady() && System.nanoTime() < deadline) {
                    failures.addAll(writeRounds(store, 1));
                }
                assertThat(store.isReady()).as("ready after the brick died").isFalse();
                assertThat(store.stateDescription()).startsWith("not connected: ");
                assertThat(writeRounds(store, 1)).containsExactly(Condition.NOT_READY);
            } finally {
                restartBrick(volume, killed);
            }
            waitFor(store::isReady, 90);
            assertThat(store.stateDescription()).isEqualTo("connected");
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

    private static long brickPid(String volume) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("gluster", "volume", "status", volume, "--xml").start();
        String xml = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        Matcher m = BRICK_PID.matcher(xml);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /**
     * {@code gluster volume start force} is a no-op until glusterd has noticed the brick died, so
     * it is repeated until a new brick process is online.
     */
    private static void restartBrick(String volume, long killed) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            GlfsTestVolumes.run(List.of("gluster", "volume", "start", volume, "force"));
            long pid = brickPid(volume);
            if (pid > 0 && pid != killed) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("brick of " + volume + " not back after 60 s: run gluster volume start " + volume + " force");
    }

    private static void kill(long pid) throws IOException, InterruptedException {
        assertThat(GlfsTestVolumes.run(List.of("kill", "-9", Long.toString(pid)))).isZero();
    }

    private static void waitFor(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as("within " + seconds + " s").isTrue();
    }
}
