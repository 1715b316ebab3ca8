package io.glio.engine.runtime;

import io.glio.engine.iscsi.Tools;
import io.glio.gfapi.GlusterTestVolume;
import io.glio.engine.model.DeviceProbe;
import io.glio.engine.model.Fabric;
import io.glio.engine.model.ModelEnvironment;
import io.glio.engine.model.StorageObject;
import io.glio.engine.model.Target;
import io.glio.engine.model.TargetModel;
import io.glio.engine.model.Tpg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product's point, end to end: a user:glfs storage object on the real test volume, served
 * by {@link TargetEngine} over iSCSI on loopback, seen by real initiators (libiscsi's iscsi-inq,
 * qemu-img) with LIO's identity, and its data is the file on the volume byte for byte.
 */
class GlfsLunOverIscsiTest {

    private static final String WWN = "653e4072-8aad-4e9d-900e-4059f0e19e7e";
    private static final String IQN = "iqn.2026-11.io.glio:e2e-glfs";
    private static final int PORT = 13310;
    private static final long SIZE = 64L << 20;

    private static GlusterTestVolume volume;
    private static String path;
    private static TargetEngine engine;
    private static String lunUrl;

    @BeforeAll
    static void serveAGlfsLun() throws Exception {
        volume = GlusterTestVolume.require();
        path = GlusterTestVolume.scratchName("e2e");
        TargetModel model = new TargetModel(
                new ModelEnvironment("gw1.example.com", "x86_64", UUID::randomUUID, DeviceProbe.system()));
        StorageObject so = model.createUser("e2e", SIZE, config(), WWN, null, null);
        Target target = model.createTarget(Fabric.ISCSI, IQN);
        Tpg tpg = model.createTpg(target, 1);
        model.createPortal(tpg, "127.0.0.1", PORT);
        model.createLun(tpg, 0, so, null);
        model.setTpgAttribute(tpg, "generate_node_acls", "1");
        model.setTpgAttribute(tpg, "demo_mode_write_protect", "0");
        model.setTpgAttribute(tpg, "authentication", "0");
        model.setTpgEnabled(tpg, true);
        engine = TargetEngine.start(model);
        lunUrl = "iscsi://127.0.0.1:" + PORT + "/" + IQN + "/0";
        awaitReady();
    }

    @AfterAll
    static void stopAndRemoveTheFile() throws Exception {
        Tools.stopAndRemove(engine, volume, path);
    }

    @Test
    void deviceIdentificationCarriesLiosNaaT10AndTheGlfsConfigString() throws Exception {
        byte[] page = run("iscsi-inq", "-e", "1", "-c", "131", lunUrl);
        String text = new String(page, StandardCharsets.ISO_8859_1);

        // NAA 6, IEEE company id 0x001405, then the first 25 hex digits of the wwn. iscsi-inq
        // prints the binary designator as a C string, so it shows the bytes before the first
        // NUL (here the 13th); IdentityTest checks every byte of the page.
        byte[] naa = HexFormat.of().parseHex("6001405653e40728aad4e9d9");
        assertThat(text).contains("Designator Type:(3) NAA\nDesignator:["
                + new String(naa, StandardCharsets.ISO_8859_1) + "]");
        assertThat(text).contains("Designator:[LIO-ORG " + WWN + "]");
        assertThat(text).contains("Designator:[" + config() + "]");
    }

    @Test
    void unitSerialNumberIsTheWwn() throws Exception {
        String text = new String(run("iscsi-inq", "-e", "1", "-c", "128", lunUrl), StandardCharsets.ISO_8859_1);

        assertThat(text).contains(WWN);
    }

    @Test
    void dataWrittenOverIscsiIsTheFileOnTheVolume(@TempDir Path dir) throws Exception {
        Path local = dir.resolve("random.img");
        byte[] data = new byte[8 << 20];
        new Random(7).nextBytes(data);
        Files.write(local, data);

        run("qemu-img", "convert", "-n", "-f", "raw", "-O", "raw", local.toString(), lunUrl);

        // Compared through gfapi directly, not through glio: the LUN is the file.
        String gluster = "gluster://" + volume.host() + "/" + volume.volume() + "/" + path;
        byte[] verdict = run("qemu-img", "compare", "-f", "raw", "-F", "raw", local.toString(), gluster);
        assertThat(new String(verdict, StandardCharsets.UTF_8)).contains("Images are identical");
    }

    private static String config() {
        return "glfs/" + volume.volume() + "@" + volume.host() + "/" + path;
    }

    /** The store opens in the background: wait until the LUN answers TEST UNIT READY. */
    private static void awaitReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String last = "";
        while (System.nanoTime() < deadline) {
            Process p = new ProcessBuilder("iscsi-inq", lunUrl).redirectErrorStream(true).start();
            last = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() == 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the glfs LUN did not answer within 60 s: " + last);
    }

    private static byte[] run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        assertThat(p.exitValue()).as("%s exits 0; it printed:%n%s", String.join(" ", command),
                new String(out, StandardCharsets.UTF_8)).isZero();
        return out;
    }
}
