package io.glio.engine.runtime;

import io.glio.engine.iscsi.TestTargets;
import io.glio.engine.iscsi.Tools;
import io.glio.engine.model.AuthField;
import io.glio.engine.model.Fabric;
import io.glio.engine.model.NodeAcl;
import io.glio.engine.model.StorageObject;
import io.glio.engine.model.TargetModel;
import io.glio.engine.model.Tpg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4's acceptance, end to end through {@link TargetEngine}: {@code qemu-img convert} of a
 * 256 MiB random file into a fileio LUN and {@code qemu-img compare} back, plain, with header
 * digests, with CHAP and with both; a wrong CHAP secret fails the login.
 *
 * <p>Data digests: libiscsi 1.19, which qemu-img uses, always offers {@code DataDigest=None}
 * (it has a setter for header digests only), so no real client here can move data with data
 * digests. {@link IscsiClient} moves the same 256 MiB with HeaderDigest and DataDigest CRC32C
 * (and CHAP) instead, checking the target's digest on every Data-In.
 *
 * <p>Each case has its own LUN (a fresh sparse file, all zeroes), so a compare can only pass if
 * that case's own convert wrote the data. Ports 14300-14301.
 */
class QemuImgOverIscsiTest {

    private static final String OPEN = "iqn.2026-12.io.glio:integ-open";
    private static final String SECURE = "iqn.2026-12.io.glio:integ-secure";
    private static final String CLIENT = "iqn.2026-12.io.glio:integ-client";
    private static final String USER = "integ-user";
    private static final String SECRET = "integ-secret-12";
    private static final int OPEN_PORT = 14300;
    private static final int SECURE_PORT = 14301;
    private static final long SIZE = 256L << 20;
    private static final int BLOCK = 512;

    @TempDir
    static Path dir;
    private static Path random;
    private static TargetEngine engine;

    @BeforeAll
    static void serveFileioLuns() throws IOException {
        random = dir.resolve("random.img");
        Tools.writeRandomFile(random, SIZE, 20261201);
        TargetModel model = new TargetModel();
        Tpg open = TestTargets.demo(model, OPEN, OPEN_PORT);
        for (int lun = 0; lun < 3; lun++) {
            model.createLun(open, lun, fileio(model, "open" + lun), null);
        }

        Tpg secure = model.createTpg(model.createTarget(Fabric.ISCSI, SECURE), 1);
        model.createPortal(secure, "127.0.0.1", SECURE_PORT);
        NodeAcl acl = model.createNodeAcl(secure, CLIENT);
        for (int lun = 0; lun < 3; lun++) {
            model.createLun(secure, lun, fileio(model, "secure" + lun), null);
            model.createMappedLun(acl, lun, lun, false, null);
        }
        model.setNodeAclAuth(acl, AuthField.USERID, USER);
        model.setNodeAclAuth(acl, AuthField.PASSWORD, SECRET);
        model.setTpgAttribute(secure, "authentication", "1");
        model.setTpgEnabled(secure, true);
        engine = TargetEngine.start(model);
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "no digests,            open0,   false, 0, none",
        "header digests,        open1,   false, 1, crc32c",
        "CHAP,                  secure0, true,  0, none",
        "CHAP and header digests, secure1, true, 1, crc32c"})
    void qemuImgConvertsAndCompares256MiB(String variant, String lunFile, boolean chap, int lun, String headerDigest)
            throws Exception {
        String opts = chap ? iscsi(SECURE_PORT, SECURE, lun, headerDigest, SECRET)
                : iscsi(OPEN_PORT, OPEN, lun, headerDigest, null);
        convertAndCompare(variant, fileOf(lunFile), opts);
    }

    @Test
    void aWrongChapSecretFailsTheLogin() throws Exception {
        Tools.Result info = Tools.run("qemu-img", "info", "--image-opts", iscsi(SECURE_PORT, SECURE, 2, "none",
                "wrong-secret-12"));
        assertThat(info.exitCode()).as(info.output()).isNotZero();
        assertThat(info.output()).containsIgnoringCase("auth");

        try (IscsiClient client = new IscsiClient("127.0.0.1", SECURE_PORT, Duration.ofSeconds(10))) {
            IscsiClient.Login login = client.login(CLIENT, SECURE, USER, "wrong-secret-12", false, false);
            // RFC 7143 §11.13.5: 0x0201 Authentication failure.
            assertThat(login.statusClass()).isEqualTo(2);
            assertThat(login.statusDetail()).isEqualTo(1);
        }
    }

    /** libiscsi offers only DataDigest=None, so our own initiator moves the data with data digests. */
    @Test
    void ownInitiatorMoves256MiBWithHeaderAndDataDigests() throws Exception {
        moveWithDigests(OPEN_PORT, OPEN, null, fileOf("open2"));
    }

    @Test
    void ownInitiatorMoves256MiBWithChapHeaderAndDataDigests() throws Exception {
        moveWithDigests(SECURE_PORT, SECURE, USER, fileOf("secure2"));
    }

    // ------------------------------------------------------------------ helpers

    private void convertAndCompare(String variant, Path lunFile, String lunOpts) throws Exception {
        long start = System.nanoTime();
        Tools.Result convert = Tools.run("qemu-img", "convert", "-n", "-f", "raw", "--target-image-opts",
                random.toString(), lunOpts);
        assertThat(convert.exitCode()).as(convert.output()).isZero();
        long converted = System.nanoTime();
        Tools.Result compare = Tools.run("qemu-img", "compare", "--image-opts",
                "driver=file,filename=" + random, lunOpts);
        assertThat(compare.exitCode()).as(compare.output()).isZero();
        assertThat(compare.output()).contains("Images are identical");
        // The LUN is the file: what went over iSCSI is in it byte for byte.
        assertThat(Files.mismatch(random, lunFile)).isEqualTo(-1L);
        System.out.printf("QemuImgOverIscsiTest qemu-img, %s: convert %d ms, compare %d ms%n", variant,
                TimeUnit.NANOSECONDS.toMillis(converted - start), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - converted));
    }

    private void moveWithDigests(int port, String target, String user, Path lunFile) throws Exception {
        byte[] chunk = new byte[1 << 20];
        long start = System.nanoTime();
        try (IscsiClient client = new IscsiClient("127.0.0.1", port, Duration.ofSeconds(30));
             InputStream source = Files.newInputStream(random)) {
            IscsiClient.Login login = client.login(CLIENT, target, user, user == null ? null : SECRET, true, true);
            assertThat(login.ok()).as("login %s", login).isTrue();
            assertThat(login.answered()).containsEntry("HeaderDigest", "CRC32C").containsEntry("DataDigest", "CRC32C");
            client.useLun(2).testUnitReady(); // the power-on unit attention
            for (long offset = 0; offset < SIZE; offset += chunk.length) {
                assertThat(source.readNBytes(chunk, 0, chunk.length)).isEqualTo(chunk.length);
                IscsiClient.Result w = client.write16(offset / BLOCK, chunk, BLOCK, false);
                assertThat(w.good()).as("WRITE at %d: status %x sense %s", offset, w.status(), w.senseText()).isTrue();
            }
            long written = System.nanoTime();
            try (InputStream expected = Files.newInputStream(random)) {
                for (long offset = 0; offset < SIZE; offset += chunk.length) {
                    IscsiClient.Result r = client.read16(offset / BLOCK, chunk.length / BLOCK, BLOCK);
                    assertThat(r.good()).as("READ at %d: sense %s", offset, r.senseText()).isTrue();
                    expected.readNBytes(chunk, 0, chunk.length);
                    if (!Arrays.equals(r.data(), chunk)) {
                        throw new AssertionError("data read back at byte " + offset + " differs from what was written");
                    }
                }
            }
            System.out.printf("QemuImgOverIscsiTest own initiator %s HD+DD: write %d ms, read %d ms%n", target,
                    TimeUnit.NANOSECONDS.toMillis(written - start),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - written));
        }
        assertThat(Files.mismatch(random, lunFile)).isEqualTo(-1L);
    }

    private static StorageObject fileio(TargetModel model, String name) {
        Path file = dir.resolve(name + ".img");
        return model.createFileio(name, file.toString(), Long.toString(SIZE), false, true, null).storageObject();
    }

    private static Path fileOf(String name) {
        return dir.resolve(name + ".img");
    }

    /** qemu's iscsi driver options for one LUN; a secret means CHAP as {@link #USER}. */
    private static String iscsi(int port, String target, int lun, String headerDigest, String secret) {
        String opts = "driver=iscsi,transport=tcp,portal=127.0.0.1:" + port + ",target=" + target + ",lun=" + lun
                + ",header-digest=" + headerDigest + ",initiator-name=" + CLIENT;
        return secret == null ? opts : opts + ",user=" + USER + ",password=" + secret;
    }

}
