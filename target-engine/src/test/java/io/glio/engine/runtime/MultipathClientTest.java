package io.glio.engine.runtime;

import io.glio.engine.iscsi.TestTargets;
import io.glio.engine.model.DeviceProbe;
import io.glio.engine.model.ModelEnvironment;
import io.glio.engine.model.StorageObject;
import io.glio.engine.model.TargetModel;
import io.glio.engine.model.Tpg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link MultipathClient} and {@link VerifyingWorkload} against two glio engines in one JVM: two
 * gateways on loopback (ports 14303 and 14304), each with its own model exporting one fileio
 * file with the same wwn, as two gateways export one file on a volume. One engine is closed
 * under the stream; the client must fail over with every acknowledged write intact.
 */
class MultipathClientTest {

    private static final String IQN = "iqn.2026-12.io.glio:multipath";
    private static final String CLIENT = "iqn.2026-12.io.glio:multipath-client";
    private static final String WWN = "6d1e4a2c-0b7f-4c55-9a51-3e2f00c0ffee";
    private static final int[] PORTS = {14303, 14304};
    private static final int BLOCK = 512;
    private static final int UNITS = 1024;
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private Path file;
    private final TargetEngine[] engines = new TargetEngine[2];

    @BeforeEach
    void startTwoGateways() {
        file = dir.resolve("lun.img");
        for (int i = 0; i < engines.length; i++) {
            TargetModel model = new TargetModel(
                    new ModelEnvironment("gw" + (i + 1) + ".example.com", "x86_64", UUID::randomUUID, DeviceProbe.system()));
            Tpg tpg = TestTargets.demo(model, IQN, PORTS[i]);
            StorageObject so = model.createFileio("lun", file.toString(), UNITS * VerifyingWorkload.UNIT + "",
                    true, true, WWN).storageObject();
            model.createLun(tpg, 0, so, null);
            engines[i] = TargetEngine.start(model);
        }
    }

    @AfterEach
    void stopGateways() {
        for (TargetEngine e : engines) {
            if (e != null) {
                e.close();
            }
        }
    }

    private static List<String> urls() {
        return List.of("iscsi://127.0.0.1:" + PORTS[0] + "/" + IQN + "/0", "iscsi://127.0.0.1:" + PORTS[1] + "/" + IQN + "/0");
    }

    @Test
    void multibusSendsCommandsDownBothPathsInTurnAndReadsBackEveryWrite() throws Exception {
        try (MultipathClient client = MultipathClient.connect(urls(), CLIENT, COMMAND_TIMEOUT)) {
            VerifyingWorkload.Report report = new VerifyingWorkload(client, BLOCK, UNITS, 1).run(2000, () -> false);

            assertThat(report.writes()).isEqualTo(1000);
            assertThat(report.reads()).isEqualTo(1000);
            assertThat(report.mismatches()).as("%s", report).isZero();
            assertThat(report.errors()).isZero();
            assertThat(client.commandsPerPath()).containsExactly(1000L, 1000L);
            assertThat(client.failovers()).isEmpty();
        }
    }

    @Test
    void closingOneGatewayMidStreamFailsOverToTheOtherWithEveryCompletedWriteIntact() throws Exception {
        try (MultipathClient client = MultipathClient.connect(urls(), CLIENT, COMMAND_TIMEOUT)) {
            VerifyingWorkload workload = new VerifyingWorkload(client, BLOCK, UNITS, 2);
            long[] killedAt = new long[1];
            CompletableFuture<Void> kill = CompletableFuture.runAsync(() -> {
                awaitOperations(workload, 3000);
                killedAt[0] = System.nanoTime();
                engines[0].close();
                engines[0] = null;
            });
            VerifyingWorkload.Report report = workload.run(200_000, () -> kill.isDone() && workload.operations() > 8000);
            kill.get(30, TimeUnit.SECONDS);

            System.out.printf("MultipathClientTest: %s; commands per path %s; failover %d ms after close; %s%n", report,
                    client.commandsPerPath(), client.failoverMillis(killedAt[0]), client.failovers());
            assertThat(report.mismatches()).as("%s", report).isZero();
            assertThat(report.errors()).as("%s", report).isZero();
            assertThat(report.failovers()).isEqualTo(1);
            assertThat(client.failovers().get(0).path().port()).isEqualTo(PORTS[0]);
            assertThat(client.failoverMillis(killedAt[0])).isBetween(0L, COMMAND_TIMEOUT.toMillis());
            assertThat(client.livePaths()).isEqualTo(1);
            assertThat(report.reads()).isEqualTo(4000);
        }
    }

    @Test
    void withNoPathLeftTheCommandFailsInsteadOfQueueing() throws Exception {
        try (MultipathClient client = MultipathClient.connect(urls(), CLIENT, COMMAND_TIMEOUT)) {
            engines[0].close();
            engines[1].close();
            engines[0] = engines[1] = null;

            VerifyingWorkload.Report report = new VerifyingWorkload(client, BLOCK, UNITS, 3).run(100, () -> false);

            assertThat(report.errors()).isEqualTo(1);
            assertThat(report.writes()).isZero();
            assertThat(report.failovers()).isEqualTo(2);
            assertThatThrownBy(() -> client.execute(new byte[6], 0, null))
                    .isInstanceOf(MultipathClient.NoPathException.class)
                    .hasMessageContaining("no live path left of [iscsi://127.0.0.1:14303/" + IQN + "/0");
        }
    }

    /** The verification can fail: a unit overwritten behind the gateways' backs is reported. */
    @Test
    void aBlockThatDoesNotHoldItsLastCompletedWriteIsCountedAsAMismatch() throws Exception {
        try (MultipathClient client = MultipathClient.connect(urls(), CLIENT, COMMAND_TIMEOUT)) {
            VerifyingWorkload workload = new VerifyingWorkload(client, BLOCK, 4, 4);
            workload.write(2); // generation 1 at LBA 16
            workload.verify(2);
            assertThat(workload.report().mismatches()).isZero();
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(VerifyingWorkload.unitData(16, 999)), 2L * VerifyingWorkload.UNIT);
            }

            workload.verify(2);

            assertThat(workload.report().mismatches()).isEqualTo(1);
            assertThat(workload.report().firstMismatches())
                    .containsExactly("LBA 16: expected generation 1, got LBA 16 generation 999");
        }
    }

    @Test
    void aMalformedPathUrlIsRefusedNamingIt() {
        assertThatThrownBy(() -> MultipathClient.PathUrl.parse("iscsi://127.0.0.1:3260/" + IQN))
                .hasMessage("path URL 'iscsi://127.0.0.1:3260/" + IQN + "' (expected: iscsi://host[:port]/target-iqn/lun)");
        assertThat(MultipathClient.PathUrl.parse("iscsi://10.231.0.11/" + IQN + "/0"))
                .isEqualTo(new MultipathClient.PathUrl("10.231.0.11", 3260, IQN, 0));
    }

    private static void awaitOperations(VerifyingWorkload workload, long count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (workload.operations() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
