package io.glio.engine.runtime;

import io.glio.engine.iscsi.IscsiServer;
import io.glio.engine.iscsi.TestTargets;
import io.glio.engine.model.Fabric;
import io.glio.engine.model.ModelEvent;
import io.glio.engine.model.ModelListener;
import io.glio.engine.model.StorageObject;
import io.glio.engine.model.TargetModel;
import io.glio.engine.model.Tpg;
import io.glio.gfapi.GlusterTestVolume;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The model's writer lock stays off the I/O path: logins, discovery and LUN maps read the
 * published snapshot while a mutation holds the lock, and a save writes its file outside it.
 */
class ModelLockTest {

    private static final String IQN = "iqn.2026-11.io.glio:modelock";
    private static final String CLIENT = "iqn.2026-11.io.glio:modelock-client";
    private static final Duration BOUND = Duration.ofSeconds(5);

    private final TargetModel model = new TargetModel();
    private final CountDownLatch release = new CountDownLatch(1);
    private DeviceRegistry devices;
    private IscsiServer server;
    private Thread writer;

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        if (writer != null) {
            writer.join(10_000);
        }
        if (server != null) {
            server.close();
        }
        if (devices != null) {
            devices.close();
        }
    }

    @Test
    void loginDiscoveryAndIoCompleteWhileAMutationHoldsTheWriterLock() throws Exception {
        int port = freePort();
        Tpg tpg = TestTargets.demo(model, IQN, port);
        StorageObject disk = model.createRamdisk("disk", 1 << 20, false, null);
        model.createLun(tpg, 0, disk, null);
        devices = new DeviceRegistry(model, DeviceRegistry.localProviders());
        server = new IscsiServer(model, devices);
        server.start();

        holdWriterLock();

        assertTimeoutPreemptively(BOUND, () -> {
            try (IscsiClient discovery = new IscsiClient("127.0.0.1", port, BOUND)) {
                assertThat(discovery.discover(CLIENT))
                        .isEqualTo("TargetName=" + IQN + "\0TargetAddress=127.0.0.1:" + port + ",1\0");
            }
            try (IscsiClient session = new IscsiClient("127.0.0.1", port, BOUND)) {
                assertThat(session.login(CLIENT, IQN, null, null, false, false).ok()).isTrue();
                IscsiClient.Result read = readFirstBlock(session);
                assertThat(read.good()).as(read.senseText()).isTrue();
            }
        });
        assertThat(writer.isAlive()).as("the mutation still holds the lock").isTrue();
    }

    @Test
    void aSaveBlockedInItsFileWriteBlocksNeitherReadersNorMutations(@TempDir Path dir) throws Exception {
        GlusterTestVolume volume = GlusterTestVolume.require();
        try (BlockableGlusterMount mount = BlockableGlusterMount.mount(volume, dir.resolve("mnt"))) {
            Path file = Files.createDirectories(mount.root().resolve("glio-modelock-" + System.nanoTime()))
                    .resolve("saveconfig.json");
            model.createRamdisk("before", 1 << 20, false, null);
            mount.stop();
            AtomicReference<Throwable> saveFailure = new AtomicReference<>();
            writer = new Thread(() -> {
                try {
                    model.saveToFile(file, true);
                } catch (Throwable t) {
                    saveFailure.set(t);
                }
            }, "blocked-save");
            writer.start();
            writer.join(500);
            assertThat(writer.isAlive()).as("the save waits for the stopped mount").isTrue();

            assertTimeoutPreemptively(BOUND, () -> {
                assertThat(model.storageObjects()).hasSize(1);
                model.createRamdisk("during", 1 << 20, false, null);
                assertThat(model.toJson()).contains("\"during\"");
            });

            mount.resume();
            writer.join(30_000);
            assertThat(saveFailure.get()).isNull();
            // The file holds what was dumped when the save started.
            assertThat(Files.readString(file)).contains("\"before\"").doesNotContain("\"during\"");
            Files.delete(file);
            Files.delete(file.getParent());
        }
    }

    /** Starts a mutation whose listener blocks (until {@link #release}) with the lock held. */
    private void holdWriterLock() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        ModelListener blocker = event -> {
            if (event instanceof ModelEvent.StorageObjectAdded added && added.storageObject().name().equals("slow")) {
                entered.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        model.addListener(blocker);
        writer = new Thread(() -> model.createRamdisk("slow", 4096, false, null), "slow-mutation");
        writer.start();
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(model.snapshot().target(Fabric.ISCSI, IQN)).isPresent();
    }

    private static IscsiClient.Result readFirstBlock(IscsiClient session) throws Exception {
        IscsiClient.Result r = session.read16(0, 1, 512);
        // The first command of a new nexus may report the power-on unit attention.
        return r.good() ? r : session.read16(0, 1, 512);
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
