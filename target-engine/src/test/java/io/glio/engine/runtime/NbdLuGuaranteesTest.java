package io.glio.engine.runtime;

import io.glio.engine.backing.BackingStore;
import io.glio.engine.backing.BackingStoreProvider;
import io.glio.engine.backing.ram.RamdiskBackingStore;
import io.glio.engine.iscsi.Tools;
import io.glio.engine.model.DeviceProbe;
import io.glio.engine.model.Fabric;
import io.glio.engine.model.ModelEnvironment;
import io.glio.engine.model.Plugin;
import io.glio.engine.model.StorageObject;
import io.glio.engine.model.TargetModel;
import io.glio.engine.model.Tpg;
import io.glio.engine.nbd.Nbd;
import io.glio.engine.nbd.NbdServer;
import io.glio.engine.nbd.NbdTestClient;
import io.glio.engine.scsi.ScsiCompletion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LU's guarantees hold over NBD as over iSCSI (issue 17): a store whose volume is down
 * answers NOT READY, which NBD clients get as EIO; a read-only LU refuses a WRITE with EPERM
 * (and says so in its export flags); a LU an iSCSI initiator has reserved refuses the NBD nexus's
 * writes with EPERM and serves its reads. Loopback LUNs: lun0 a switchable ramdisk, lun1 a
 * read-only block object (a fake disk served from RAM), lun2 the fixture's ramdisk, which is
 * also iSCSI LUN 0.
 */
class NbdLuGuaranteesTest {

    private static final String WP_DEV = "/dev/glio-test-read-only-disk";
    private static final byte[] BLOCK = Initiator.pattern(4096, 17);

    @TempDir
    Path folder;
    private final SwitchableRamdiskProvider switchable = new SwitchableRamdiskProvider();
    private ScsiFixture fx;
    private NbdServer nbd;
    private Path socket;

    @BeforeEach
    void serve() throws IOException {
        TargetModel model = new TargetModel(new ModelEnvironment("gw1.example.com", "x86_64", UUID::randomUUID,
                new ReadOnlyDisk(DeviceProbe.system())));
        fx = new ScsiFixture(folder, List.of(switchable, new RamForBlock()), model);
        StorageObject gated = model.createRamdisk(SwitchableRamdiskProvider.NAME, 1 << 20, false, null);
        StorageObject wp = model.createBlock("wp", WP_DEV, null, null);
        assertThat(wp.readonly()).isTrue();
        Tpg loop = model.createTarget(Fabric.LOOPBACK, null).tpgs().get(0);
        model.createLun(loop, 0, gated, null);
        model.createLun(loop, 1, wp, null);
        model.createLun(loop, 2, fx.ramdisk, null);
        fx.awaitReady(gated);
        fx.awaitReady(wp);
        nbd = new NbdServer(model, folder.resolve("run"), fx.registry::openLoopback);
        nbd.start();
        String wwn = loop.target().wwn();
        ScsiFixture.waitUntil(() -> nbd.socket(wwn).isPresent(), "the NBD socket of " + wwn);
        socket = nbd.socket(wwn).orElseThrow();
    }

    @AfterEach
    void stop() {
        if (nbd != null) {
            nbd.close();
        }
        fx.close();
    }

    @Test
    void aStoreNotReadyIsEioAndServesAgainWhenBack() throws IOException {
        try (NbdTestClient c = NbdTestClient.connect(socket, "lun0")) {
            assertThat(c.write(0, BLOCK)).isZero();
            switchable.setReady(false);
            assertThat(c.write(0, BLOCK)).isEqualTo(Nbd.EIO);
            assertThat(c.read(0, 4096)).isEqualTo(Nbd.EIO);
            switchable.setReady(true);
            assertThat(c.write(0, BLOCK)).isZero();
            assertThat(c.read(0, 4096)).isZero();
        }
    }

    @Test
    void aReadOnlyLuIsAdvertisedSoAndRefusesWritesWithEperm() throws Exception {
        try (NbdTestClient c = NbdTestClient.connect(socket, "lun1")) {
            assertThat(c.transmissionFlags() & Nbd.FLAG_READ_ONLY).isEqualTo(Nbd.FLAG_READ_ONLY);
            assertThat(c.write(0, BLOCK)).isEqualTo(Nbd.EPERM);
            assertThat(c.read(0, 4096)).isZero();
        }
        Tools.Result qemu = Tools.run("qemu-io", "-r", "-f", "raw", "-c", "read 0 4k", uri("lun1"));
        assertThat(qemu.exitCode()).as(qemu.output()).isZero();
        assertThat(qemu.output()).contains("read 4096/4096 bytes");
    }

    @Test
    void anIscsiReservationRefusesNbdWritesWithEpermAndKeepsReads() throws Exception {
        Initiator holder = fx.first();
        // REGISTER key 0xabc, then RESERVE type 1 (Write Exclusive)
        assertThat(ReservationTest.prout(holder, 0, 0, 0, 0xabc).status()).isEqualTo(ScsiCompletion.GOOD);
        assertThat(ReservationTest.prout(holder, 1, 1, 0xabc, 0).status()).isEqualTo(ScsiCompletion.GOOD);

        Tools.Result write = Tools.run("qemu-io", "-f", "raw", "-c", "write -P 0x5a 0 4k", uri("lun2"));
        assertThat(write.output()).contains("Operation not permitted");
        try (NbdTestClient c = NbdTestClient.connect(socket, "lun2")) {
            assertThat(c.write(0, BLOCK)).isEqualTo(Nbd.EPERM);
            assertThat(c.read(0, 4096)).isZero();
            // RELEASE
            assertThat(ReservationTest.prout(holder, 2, 1, 0xabc, 0).status()).isEqualTo(ScsiCompletion.GOOD);
            assertThat(c.write(0, BLOCK)).isZero();
        }
        Tools.Result read = Tools.run("qemu-io", "-f", "raw", "-c", "read -P 0x" + Integer.toHexString(BLOCK[0] & 0xff)
                + " 0 1", uri("lun2"));
        assertThat(read.exitCode()).as(read.output()).isZero();
    }

    private String uri(String export) {
        return "nbd+unix:///" + export + "?socket=" + socket;
    }

    /** The system's devices, and one more: a read-only 1 MiB SCSI disk at {@link #WP_DEV}. */
    private record ReadOnlyDisk(DeviceProbe system) implements DeviceProbe {
        @Override
        public Kind kind(String path) {
            return WP_DEV.equals(path) ? Kind.BLOCK_DEVICE : system.kind(path);
        }

        @Override
        public long fileSize(String path) throws IOException {
            return system.fileSize(path);
        }

        @Override
        public OptionalLong blockDeviceSize(String path) {
            return WP_DEV.equals(path) ? OptionalLong.of(1 << 20) : system.blockDeviceSize(path);
        }

        @Override
        public boolean blockDeviceReadOnly(String path) {
            return WP_DEV.equals(path) || system.blockDeviceReadOnly(path);
        }

        @Override
        public boolean isDiskBlockDevice(String path) {
            return WP_DEV.equals(path) || system.isDiskBlockDevice(path);
        }

        @Override
        public boolean sameFile(String a, String b) {
            return a.equals(b) || system.sameFile(a, b);
        }

        @Override
        public void createFile(String path, long size, boolean sparse) throws IOException {
            system.createFile(path, size, sparse);
        }
    }

    /** Serves the fake disk from RAM: the LU's read-only flag comes from the model, not the store. */
    private static final class RamForBlock implements BackingStoreProvider {
        @Override
        public boolean handles(StorageObject so) {
            return so.plugin() == Plugin.BLOCK && so.dev().filter(WP_DEV::equals).isPresent();
        }

        @Override
        public BackingStore open(StorageObject so) {
            return new RamdiskBackingStore(1 << 20);
        }
    }
}
