package io.glio.engine.nbd;

import io.glio.engine.iscsi.TestTargets;
import io.glio.engine.iscsi.Tools;
import io.glio.engine.model.Fabric;
import io.glio.engine.model.StorageObject;
import io.glio.engine.model.Target;
import io.glio.engine.model.TargetModel;
import io.glio.engine.model.Tpg;
import io.glio.engine.runtime.TargetEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's acceptance through {@link TargetEngine}: one loopback target with a 256 MiB ramdisk
 * LUN (lun0) and a 256 MiB sparse fileio LUN (lun1), the fileio object also exported over iSCSI on
 * port 14305 (a port no other test binds). qemu-img convert/compare over
 * {@code nbd+unix}, the same data read back over iSCSI, nbdinfo --map, nbdcopy, and fio's nbd
 * engine with crc32c verification.
 */
class NbdLoopbackTest {

    private static final String ISCSI = "iqn.2026-12.io.glio:nbd-both";
    private static final int ISCSI_PORT = 14305;
    /** The acceptance size for qemu-img convert/compare. */
    static final long SIZE = 256L << 20;
    private static final long MAP_SIZE = 16L << 20;

    @TempDir
    static Path dir;
    private static Path random;
    private static TargetEngine engine;
    private static Path socket;

    @BeforeAll
    static void serve() throws IOException {
        random = dir.resolve("random.img");
        Tools.writeRandomFile(random, SIZE, 20261217);
        TargetModel model = new TargetModel();
        StorageObject ram = model.createRamdisk("nbdram", SIZE, false, null);
        StorageObject file = model.createFileio("nbdfile", dir.resolve("lun1.img").toString(), Long.toString(SIZE),
                false, true, null).storageObject();
        Target loop = model.createTarget(Fabric.LOOPBACK, null);
        Tpg tpg = loop.tpgs().get(0);
        model.createLun(tpg, 0, ram, null);
        model.createLun(tpg, 1, file, null);
        model.createLun(tpg, 2, model.createRamdisk("nbdmap", MAP_SIZE, false, null), null);
        model.createLun(tpg, 3, model.createFileio("nbdsparse", dir.resolve("lun3.img").toString(),
                Long.toString(MAP_SIZE), false, true, null).storageObject(), null);
        model.createLun(tpg, 4, model.createRamdisk("nbdfio", 32L << 20, false, null), null);
        model.createLun(tpg, 5, model.createRamdisk("nbdcopy", SIZE, false, null), null);
        Tpg iscsi = TestTargets.demo(model, ISCSI, ISCSI_PORT);
        model.createLun(iscsi, 0, file, null);
        engine = TargetEngine.start(model, dir.resolve("run"));
        socket = dir.resolve("run/loopback/" + loop.wwn() + ".sock");
        for (int i = 0; i < 100 && engine.loopbackSocket(loop.wwn()).isEmpty(); i++) {
            sleep(20);
        }
        assertThat(engine.loopbackSocket(loop.wwn())).contains(socket);
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void theSocketIsPrivate() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void qemuImgConvertsAndComparesOnRamdisk() throws Exception {
        convertAndCompare("lun0");
    }

    @Test
    void writtenOverNbdReadsBackIdenticalOverIscsi() throws Exception {
        convertAndCompare("lun1");
        Tools.Result compare = Tools.run("qemu-img", "compare", "--image-opts",
                "driver=file,filename=" + random, "driver=iscsi,transport=tcp,portal=127.0.0.1:" + ISCSI_PORT + ",target=" + ISCSI
                        + ",lun=0,initiator-name=iqn.2026-12.io.glio:nbd-reader");
        assertThat(compare.exitCode()).as(compare.output()).isZero();
        assertThat(Files.mismatch(random, dir.resolve("lun1.img"))).isEqualTo(-1L);
    }

    @Test
    void nbdinfoMapsHolesAndDataOfRamdiskAndSparseFileio() throws Exception {
        for (String export : new String[] {"lun2", "lun3"}) {
            Tools.Result write = Tools.run("qemu-io", "-f", "raw", "-c", "write -P 0x5a 4M 1M", uri(export));
            assertThat(write.exitCode()).as(write.output()).isZero();
            Tools.Result map = Tools.run("nbdinfo", "--map", uri(export));
            assertThat(map.exitCode()).as(map.output()).isZero();
            // offset, length, type: a hole, the 1 MiB of data, the hole after it
            assertThat(map.output().lines().map(String::strip).map(l -> l.replaceAll("\\s+", " ")))
                    .as(export).containsExactly(
                            "0 4194304 3 hole,zero",
                            "4194304 1048576 0 data",
                            "5242880 11534336 3 hole,zero");
        }
    }

    @Test
    void nbdcopyRoundTrip() throws Exception {
        Path back = dir.resolve("back.img");
        Tools.Result in = Tools.run("nbdcopy", random.toString(), uri("lun5"));
        assertThat(in.exitCode()).as(in.output()).isZero();
        Tools.Result out = Tools.run("nbdcopy", uri("lun5"), back.toString());
        assertThat(out.exitCode()).as(out.output()).isZero();
        assertThat(Files.mismatch(random, back)).isEqualTo(-1L);
    }

    @Test
    void fioVerifiesRandom4kWritesAtDepth16() throws Exception {
        Tools.Result fio = Tools.run("fio", "--name=nbd-verify", "--ioengine=nbd", "--uri=" + uri("lun4"),
                "--rw=randwrite", "--bs=4k", "--iodepth=16", "--size=32M", "--verify=crc32c", "--do_verify=1",
                "--verify_fatal=1", "--randseed=17");
        assertThat(fio.exitCode()).as(fio.output()).isZero();
        assertThat(fio.output()).contains("err= 0");
        System.out.println("NbdLoopbackTest fio: " + fio.output().lines().filter(l -> l.contains("IOPS="))
                .map(String::strip).toList());
    }

    private static void convertAndCompare(String export) throws Exception {
        convertAndCompare(random, uri(export), export);
    }

    /** qemu-img convert of {@code image} onto {@code uri}, then compare; prints both times. */
    static void convertAndCompare(Path image, String uri, String label) throws Exception {
        long start = System.nanoTime();
        Tools.Result convert = Tools.run("qemu-img", "convert", "-n", "-f", "raw", "-O", "raw", image.toString(), uri);
        assertThat(convert.exitCode()).as(convert.output()).isZero();
        long converted = System.nanoTime();
        Tools.Result compare = Tools.run("qemu-img", "compare", "-f", "raw", "-F", "raw", image.toString(), uri);
        assertThat(compare.exitCode()).as(compare.output()).isZero();
        assertThat(compare.output()).contains("Images are identical");
        System.out.printf("NbdLoopbackTest qemu-img %s, %d MiB: convert %d ms, compare %d ms%n", label,
                Files.size(image) >> 20,
                TimeUnit.NANOSECONDS.toMillis(converted - start),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - converted));
    }

    static String uri(String export) {
        return "nbd+unix:///" + export + "?socket=" + socket;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
