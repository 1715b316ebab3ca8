package io.glio.engine.nbd;

import io.glio.engine.iscsi.Tools;
import io.glio.engine.model.Fabric;
import io.glio.engine.model.StorageObject;
import io.glio.engine.model.Target;
import io.glio.engine.model.TargetModel;
import io.glio.engine.runtime.TargetEngine;
import io.glio.gfapi.GlusterTestVolume;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's acceptance on a user:glfs LUN: 256 MiB through {@code nbd+unix} with qemu-img
 * convert/compare, the file on the volume compared through gfapi directly, and nbdinfo --map.
 * Runs on the volume {@link GlusterTestVolume} names ({@code -Dglio.gluster.host},
 * {@code -Dglio.gluster.volume}), skipped without one.
 */
class NbdGlfsLoopbackTest {

    @TempDir
    static Path runDir;
    /** The LUN's file on the volume, a fresh name each run. */
    private static final String PATH = GlusterTestVolume.scratchName("nbd");
    private static GlusterTestVolume volume;
    private static TargetEngine engine;
    private static Path socket;

    @BeforeAll
    static void serve() throws Exception {
        volume = GlusterTestVolume.require();
        TargetModel model = new TargetModel();
        StorageObject so = model.createUser("nbdglfs", NbdLoopbackTest.SIZE,
                "glfs/" + volume.volume() + "@" + volume.host() + "/" + PATH, null, null, null);
        Target loop = model.createTarget(Fabric.LOOPBACK, null);
        model.createLun(loop.tpgs().get(0), 0, so, null);
        engine = TargetEngine.start(model, runDir);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((engine.loopbackSocket(loop.wwn()).isEmpty()
                || !engine.storeState(so).map(s -> s.isReady()).orElse(false)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(engine.storeState(so).map(s -> s.isReady())).as("store of " + PATH).contains(true);
        socket = engine.loopbackSocket(loop.wwn()).orElseThrow();
        awaitLunAnswers(deadline);
    }

    /** The store is open; the LU answers once its identity on the volume is settled too. */
    private static void awaitLunAnswers(long deadline) throws Exception {
        int error;
        try (NbdTestClient c = NbdTestClient.connect(socket, "lun0")) {
            while ((error = c.read(0, 4096)) != 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        assertThat(error).as("NBD error of a read from lun0").isZero();
    }

    @AfterAll
    static void stopAndRemoveTheFile() throws Exception {
        Tools.stopAndRemove(engine, volume, PATH);
    }

    @Test
    void qemuImgConvertsAndComparesOnUserGlfsAndTheFileOnTheVolumeIsTheImage(@TempDir Path dir) throws Exception {
        Path random = dir.resolve("random.img");
        Tools.writeRandomFile(random, NbdLoopbackTest.SIZE, 20261218);
        NbdLoopbackTest.convertAndCompare(random, uri(), "user:glfs");
        String gluster = "gluster://" + volume.host() + "/" + volume.volume() + "/" + PATH;
        Tools.Result direct = Tools.run("qemu-img", "compare", "-f", "raw", "-F", "raw", random.toString(), gluster);
        assertThat(direct.exitCode()).as(direct.output()).isZero();
    }

    @Test
    void mapReportsTheWholeRangeAsData() throws Exception {
        // The gfapi binding has no glfs_lseek (SEEK_DATA/SEEK_HOLE): the store cannot tell
        // holes, so it reports everything mapped, as SBC-3 allows for GET LBA STATUS.
        Tools.Result map = Tools.run("nbdinfo", "--map", uri());
        assertThat(map.exitCode()).as(map.output()).isZero();
        assertThat(map.output().lines().map(String::strip).map(l -> l.replaceAll("\\s+", " ")))
                .containsExactly("0 " + NbdLoopbackTest.SIZE + " 0 data");
    }

    private static String uri() {
        return "nbd+unix:///lun0?socket=" + socket;
    }
}
