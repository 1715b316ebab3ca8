package io.glio.engine.backing.glfs.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glio.gfapi.GlfsLockHeldException;
import io.glio.gfapi.GlfsException;
import io.glio.gfapi.GlusterTestVolume;
import io.glio.gfapi.TwoClients;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LU metadata on the real test volume through two connections (two gateways). */
class LuMetaVolumeTest {

    private static TwoClients clients;
    private String path;

    @BeforeAll
    static void connect() throws GlfsException {
        clients = TwoClients.connect();
    }

    @AfterAll
    static void disconnect() {
        TwoClients.closeIfOpen(clients);
    }

    @BeforeEach
    void createDataFile() throws Exception {
        path = "/" + GlusterTestVolume.scratchName("lumeta");
        clients.first().create(path, 0600).close();
    }

    @AfterEach
    void removeDataFile() throws Exception {
        clients.first().unlink(path);
    }

    @Test
    void anIdentityWrittenByOneGatewayIsReadByTheOther() throws Exception {
        try (LuMetaVolume a = LuMetaVolume.open(clients.first(), path); LuMetaVolume b = LuMetaVolume.open(clients.second(), path)) {
            assertThat(b.identity()).isEmpty();
            LuIdentity identity = new LuIdentity("5ea1c0de-0000-4000-8000-000000000001", 1 << 20, 512);
            a.locked(Duration.ofSeconds(2), () -> {
                a.writeIdentity(identity);
                return null;
            });
            assertThat(b.identity()).contains(identity);
            assertThat(b.gateways()).isEmpty();
        }
    }

    @Test
    void theLockMakesTheOtherGatewayWaitThenProceed() throws Exception {
        try (LuMetaVolume a = LuMetaVolume.open(clients.first(), path); LuMetaVolume b = LuMetaVolume.open(clients.second(), path)) {
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> lockAndWait(a, held, release));
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

            // Bounded wait: while A holds the lock, B gives up after its wait.
            long start = System.nanoTime();
            assertThatThrownBy(() -> b.locked(Duration.ofMillis(300), () -> null))
                    .isInstanceOf(GlfsLockHeldException.class);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(300);

            CompletableFuture<String> waiter = CompletableFuture.supplyAsync(() -> lockAndRead(b));
            Thread.sleep(300);
            assertThat(waiter).isNotDone();
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo("proceeded");
        }
    }

    @Test
    void aWriterKilledMidWriteLeavesAWholeRecord() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, MetaWriterMain.class.getName(), clients.volume().volume(), clients.volume().host(), path)
                .redirectError(ProcessBuilder.Redirect.appendTo(Path.of("target", "meta-writer.err").toFile())).start();
        long lastReported = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.US_ASCII))) {
            for (int i = 0; i < 200; i++) {
                String line = out.readLine();
                assertThat(line).as("the writer reports its writes").isNotNull();
                lastReported = Long.parseLong(line);
            }
            writer.destroyForcibly(); // SIGKILL in the middle of the write loop
            assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        try (LuMetaVolume reader = LuMetaVolume.open(clients.first(), path)) {
            // Either the write under way landed whole or not at all: the value parses, and it is
            // the last reported write or a later one.
            LuIdentity survived = reader.identity().orElseThrow();
            assertThat(survived.wwn()).isEqualTo("w".repeat(2000));
            assertThat(survived.size() % 4096).isZero();
            assertThat(survived.size()).isGreaterThanOrEqualTo(lastReported);
            // And the dead writer's lock went with its connection.
            reader.locked(Duration.ofSeconds(30), () -> null);
        }
    }

    @Test
    void aHeartbeatRoundCostsAFewRoundTrips() throws Exception {
        try (LuMetaVolume a = LuMetaVolume.open(clients.first(), path)) {
            List<GatewayEntry> entries = List.of(new GatewayEntry("gw-a", "iqn.a", 1, List.of("127.0.0.1:3260"), 1, 1, 1));
            int rounds = 200;
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                // What one SharedLu tick does: lock, read the three values, write the beat, unlock.
                a.locked(Duration.ofSeconds(2), () -> {
                    a.identity();
                    a.alua();
                    a.gateways();
                    a.writeGateways(entries);
                    return null;
                });
            }
            long micros = (System.nanoTime() - start) / 1000 / rounds;
            System.out.printf("one heartbeat round (lock, 3 getxattr, 1 setxattr, unlock): %d us%n", micros);
            assertThat(a.gateways()).isEqualTo(entries);
            assertThat(micros).isLessThan(200_000);
        }
    }

    @Test
    void theAluaSettingIsReadBackByAnotherClientAndAbsentMeansNone() throws Exception {
        try (LuMetaVolume a = LuMetaVolume.open(clients.first(), path);
             LuMetaVolume b = LuMetaVolume.open(clients.second(), path)) {
            assertThat(b.alua()).isEqualTo(AluaPreference.NONE);
            a.writeAlua(new AluaPreference("gw-b", AluaPreference.BY_STPG));
            assertThat(b.alua()).isEqualTo(new AluaPreference("gw-b", AluaPreference.BY_STPG));
        }
    }

    private static void lockAndWait(LuMetaVolume v, CountDownLatch held, CountDownLatch release) {
        try {
            v.locked(Duration.ofSeconds(5), () -> {
                held.countDown();
                awaitQuietly(release);
                return null;
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String lockAndRead(LuMetaVolume v) {
        try {
            return v.locked(Duration.ofSeconds(20), () -> "proceeded");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
