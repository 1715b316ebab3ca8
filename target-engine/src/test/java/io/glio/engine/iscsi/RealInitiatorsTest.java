package io.glio.engine.iscsi;

import io.glio.engine.iscsi.session.SessionInfo;
import io.glio.engine.model.AuthField;
import io.glio.engine.model.Fabric;
import io.glio.engine.model.NodeAcl;
import io.glio.engine.model.TargetModel;
import io.glio.engine.model.Tpg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The target against real initiators: libiscsi's utilities and qemu-img, over loopback on
 * ports 13261-13263, with the test RAM disk as the SCSI layer.
 */
class RealInitiatorsTest {

    static final String DEMO = "iqn.2026-11.io.glio:demo";
    static final String SECURE = "iqn.2026-11.io.glio:secure";
    static final String CLIENT = "iqn.2026-11.io.glio:client";
    static final int DEMO_PORT = 13261;
    static final int SECURE_PORT = 13262;

    static TargetModel model;
    static RunningTarget target;
    static RamDiskScsi scsi;
    static IscsiServer server;

    @BeforeAll
    static void start() {
        model = new TargetModel();
        TestTargets.demo(model, DEMO, DEMO_PORT);

        Tpg secure = model.createTpg(model.createTarget(Fabric.ISCSI, SECURE), 1);
        model.createPortal(secure, "127.0.0.1", SECURE_PORT);
        NodeAcl acl = model.createNodeAcl(secure, CLIENT);
        model.setNodeAclAuth(acl, AuthField.USERID, "alice");
        model.setNodeAclAuth(acl, AuthField.PASSWORD, "wonderland12");
        // Hidden from SendTargets for initiators without an ACL (iscsi-ls logs into what it lists).
        model.setTpgAttribute(secure, "demo_mode_discovery", "0");
        model.setTpgEnabled(secure, true);

        target = new RunningTarget(model, 64 * 1024 * 1024);
        scsi = target.scsi;
        server = target.server;
    }

    @AfterAll
    static void stop() {
        target.close();
    }

    @Test
    void discoveryListsTheTargetAndItsLun() throws Exception {
        Tools.Result r = Tools.run("iscsi-ls", "-s", "iscsi://127.0.0.1:" + DEMO_PORT);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("Target:" + DEMO + " Portal:127.0.0.1:" + DEMO_PORT + ",1");
        assertThat(r.output()).contains("Lun:0    Type:DIRECT_ACCESS")
                .doesNotContain(SECURE);
    }

    @Test
    void inquiryReturnsTheStandardData() throws Exception {
        Tools.Result r = Tools.run("iscsi-inq", "iscsi://127.0.0.1:" + DEMO_PORT + "/" + DEMO + "/0");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("GLIOTEST").contains("RAMDISK");
    }

    @Test
    void readCapacity16ReportsTheRamDiskSize() throws Exception {
        Tools.Result r = Tools.run("iscsi-readcapacity16", "iscsi://127.0.0.1:" + DEMO_PORT + "/" + DEMO + "/0");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains(Long.toString(64L * 1024 * 1024));
    }

    @Test
    void chapWithTheAclSecretLogsIn() throws Exception {
        Tools.Result r = Tools.run("iscsi-inq", "-i", CLIENT,
                "iscsi://alice%wonderland12@127.0.0.1:" + SECURE_PORT + "/" + SECURE + "/0");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("GLIOTEST");
    }

    @Test
    void chapWithAWrongSecretIsRefused() throws Exception {
        Tools.Result r = Tools.run("iscsi-inq", "-i", CLIENT,
                "iscsi://alice%wrongsecret1@127.0.0.1:" + SECURE_PORT + "/" + SECURE + "/0");
        assertThat(r.exitCode()).as(r.output()).isNotZero();
        assertThat(r.output()).containsIgnoringCase("auth");
    }

    @Test
    void anInitiatorWithoutAclIsRefused() throws Exception {
        Tools.Result r = Tools.run("iscsi-inq", "-i", "iqn.2026-11.io.glio:stranger",
                "iscsi://alice%wonderland12@127.0.0.1:" + SECURE_PORT + "/" + SECURE + "/0");
        assertThat(r.exitCode()).as(r.output()).isNotZero();
    }

    @Test
    void anUnknownTargetIsNotFound() throws Exception {
        Tools.Result r = Tools.run("iscsi-inq", "iscsi://127.0.0.1:" + DEMO_PORT + "/iqn.2026-11.io.glio:nothing/0");
        assertThat(r.exitCode()).as(r.output()).isNotZero();
    }

    /** qemu offers only HeaderDigest=CRC32C when asked, so the compare runs with header digests. */
    @Test
    void qemuImgWritesAndReadsBack64MiBWithHeaderDigests(@TempDir Path dir) throws Exception {
        byte[] data = new byte[64 * 1024 * 1024];
        new Random(7).nextBytes(data);
        Path file = dir.resolve("random.img");
        Files.write(file, data);
        String url = "iscsi://127.0.0.1:" + DEMO_PORT + "/" + DEMO + "/0";

        Tools.Result convert = Tools.run("qemu-img", "convert", "-n", "-f", "raw", "-O", "raw",
                file.toString(), url);
        assertThat(convert.exitCode()).as(convert.output()).isZero();
        assertThat(Arrays.equals(scsi.disk(), data)).as("LUN content equals the file").isTrue();

        String opts = "driver=iscsi,transport=tcp,portal=127.0.0.1:" + DEMO_PORT + ",target=" + DEMO
                + ",lun=0,header-digest=crc32c,initiator-name=iqn.2026-11.io.glio:qemu";
        Tools.Result compare = Tools.run("qemu-img", "compare", "--image-opts",
                "driver=raw,file.driver=file,file.filename=" + file, "driver=raw,file." + opts.replace(",", ",file."));
        assertThat(compare.exitCode()).as(compare.output()).isZero();
        assertThat(compare.output()).contains("Images are identical");
    }

    @Test
    void aLiveSessionIsListedWithItsIdentityAndAddresses() throws Exception {
        try (SocketInitiator i = new SocketInitiator("127.0.0.1", DEMO_PORT)) {
            assertThat(i.login(0x400000abcdefL, "iqn.2026-11.io.glio:lister", DEMO).statusClass()).isZero();
            SessionInfo s = server.sessions().stream()
                    .filter(x -> x.initiatorName().equals("iqn.2026-11.io.glio:lister")).findFirst().orElseThrow();
            assertThat(s.targetName()).isEqualTo(DEMO);
            assertThat(s.tpgTag()).isEqualTo(1);
            assertThat(s.sessionType()).isEqualTo("Normal");
            assertThat(s.isid()).isEqualTo("400000abcdef");
            assertThat(s.connections()).singleElement()
                    .satisfies(c -> assertThat(c.localAddress()).isEqualTo("127.0.0.1:" + DEMO_PORT));
        }
        assertThat(server.listeningPortals()).contains("127.0.0.1:" + DEMO_PORT, "127.0.0.1:" + SECURE_PORT);
    }
}
