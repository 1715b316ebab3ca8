package io.glio.engine.iscsi;

import io.glio.engine.iscsi.pdu.LoginResponse;
import io.glio.engine.iscsi.session.SessionInfo;
import io.glio.engine.model.Fabric;
import io.glio.engine.model.TargetModel;
import io.glio.engine.model.Tpg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server following the model: listeners per portal and sessions per TPG. */
class IscsiServerTest {

    static final String A = "iqn.2026-11.io.glio:a";
    static final String B = "iqn.2026-11.io.glio:b";
    static final String CLIENT = "iqn.2026-11.io.glio:client";

    private final TargetModel model = new TargetModel();
    private final RamDiskScsi scsi = new RamDiskScsi(64 * 1024, false);
    private IscsiServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Tpg demoTpg(String iqn, int port) {
        return TestTargets.demo(model, iqn, port);
    }

    private void startServer() {
        server = new IscsiServer(model, scsi);
        server.start();
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void twoTargetsSharingAnIpPortShareOneListenerAndBothLogIn() throws Exception {
        demoTpg(A, 13280);
        demoTpg(B, 13280);
        startServer();

        assertThat(server.listeningPortals()).containsExactly("127.0.0.1:13280");
        try (SocketInitiator a = new SocketInitiator("127.0.0.1", 13280);
             SocketInitiator b = new SocketInitiator("127.0.0.1", 13280)) {
            assertThat(a.login(0x400000000001L, CLIENT, A).statusClass()).isZero();
            assertThat(b.login(0x400000000001L, CLIENT, B).statusClass()).isZero();
            awaitTrue(() -> server.sessions().size() == 2, "two sessions");
            assertThat(server.sessions()).extracting(SessionInfo::targetName).containsExactlyInAnyOrder(A, B);
            SessionInfo s = server.sessions().get(0);
            assertThat(s.initiatorName()).isEqualTo(CLIENT);
            assertThat(s.isid()).isEqualTo("400000000001");
            assertThat(s.tsih()).isPositive();
            assertThat(s.connections().get(0).localAddress()).isEqualTo("127.0.0.1:13280");
            assertThat(s.negotiated()).containsEntry("MaxBurstLength", "262144");
            assertThat(s.authenticated()).as("demo mode without CHAP").isFalse();
        }
    }

    @Test
    void disablingATpgClosesItsListenerAndDropsItsSessions() throws Exception {
        Tpg tpg = demoTpg(A, 13281);
        startServer();
        try (SocketInitiator i = new SocketInitiator("127.0.0.1", 13281)) {
            assertThat(i.login(0x400000000001L, CLIENT, A).statusClass()).isZero();

            model.setTpgEnabled(tpg, false);

            assertThat(i.closedByTarget()).isTrue();
        }
        awaitTrue(() -> !listening(13281), "listener closed");
        awaitTrue(() -> server.sessions().isEmpty() && scsi.nexusLost.get() == 1, "session ended, nexus lost");

        model.setTpgEnabled(tpg, true);
        awaitTrue(() -> listening(13281), "listener reopened");
    }

    @Test
    void addingAndRemovingAPortalFollowsTheModel() throws Exception {
        Tpg tpg = demoTpg(A, 13282);
        startServer();
        model.createPortal(tpg, "127.0.0.1", 13283);
        awaitTrue(() -> listening(13283), "new portal listening");

        model.deletePortal(tpg, "127.0.0.1", 13283);
        awaitTrue(() -> !listening(13283), "removed portal closed");
        assertThat(listening(13282)).isTrue();
    }

    @Test
    void deletingTheTargetDropsItsSessions() throws Exception {
        demoTpg(A, 13284);
        startServer();
        try (SocketInitiator i = new SocketInitiator("127.0.0.1", 13284)) {
            assertThat(i.login(0x400000000001L, CLIENT, A).statusClass()).isZero();
            model.deleteTarget(Fabric.ISCSI, A);
            assertThat(i.closedByTarget()).isTrue();
        }
        awaitTrue(() -> server.listeningPortals().isEmpty(), "no listeners");
    }

    @Test
    void removingTheAclOfALoggedInInitiatorDropsItsSession() throws Exception {
        Tpg tpg = model.createTpg(model.createTarget(Fabric.ISCSI, A), 1);
        model.setTpgAttribute(tpg, "authentication", "0");
        model.createNodeAcl(tpg, CLIENT);
        model.createPortal(tpg, "127.0.0.1", 13285);
        model.setTpgEnabled(tpg, true);
        startServer();
        try (SocketInitiator i = new SocketInitiator("127.0.0.1", 13285)) {
            assertThat(i.login(0x400000000001L, CLIENT, A).statusClass()).isZero();
            model.deleteNodeAcl(tpg, CLIENT);
            assertThat(i.closedByTarget()).isTrue();
        }
        try (SocketInitiator again = new SocketInitiator("127.0.0.1", 13285)) {
            LoginResponse r = again.login(0x400000000002L, CLIENT, A);
            assertThat(String.format("%02x%02x", r.statusClass(), r.statusDetail())).isEqualTo("0202");
        }
    }

    @Test
    void aPortalWhosePortIsTakenIsReportedAndTheOthersStillServe() throws Exception {
        try (ServerSocket taken = new ServerSocket(13286, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            demoTpg(A, 13286);
            demoTpg(B, 13287);
            startServer();

            assertThat(server.failedPortals()).containsExactly("127.0.0.1:13286");
            assertThat(server.listeningPortals()).containsExactly("127.0.0.1:13287");
            try (SocketInitiator i = new SocketInitiator("127.0.0.1", 13287)) {
                assertThat(i.login(0x400000000001L, CLIENT, B).statusClass()).isZero();
            }
        }
    }

    @Test
    void aTargetOnAnotherPortalIsNotFoundHere() throws Exception {
        demoTpg(A, 13288);
        demoTpg(B, 13289);
        startServer();
        try (SocketInitiator i = new SocketInitiator("127.0.0.1", 13288)) {
            LoginResponse r = i.login(0x400000000001L, CLIENT, B);
            assertThat(String.format("%02x%02x", r.statusClass(), r.statusDetail())).isEqualTo("0203");
            assertThat(i.closedByTarget()).isTrue();
        }
    }

    @Test
    void ipv6AndWildcardPortalsAreBoundAndServe() throws Exception {
        Tpg tpg = demoTpg(A, 13293);
        model.createPortal(tpg, "[::1]", 13294);
        model.createPortal(tpg, "0.0.0.0", 13291);
        startServer();

        assertThat(server.listeningPortals()).contains("[::1]:13294", "0.0.0.0:13291");
        try (SocketInitiator v6 = new SocketInitiator("::1", 13294);
             SocketInitiator any = new SocketInitiator("127.0.0.1", 13291)) {
            assertThat(v6.login(0x400000000001L, CLIENT, A).statusClass()).isZero();
            assertThat(any.login(0x400000000002L, CLIENT, A).statusClass()).isZero();
            awaitTrue(() -> server.sessions().size() == 2, "two sessions");
            assertThat(server.sessions()).flatExtracting(SessionInfo::connections)
                    .extracting(SessionInfo.ConnectionInfo::localAddress)
                    .containsExactlyInAnyOrder("[0:0:0:0:0:0:0:1]:13294", "127.0.0.1:13291");
        }
    }

    @Test
    void closingTheServerStopsListeningAndEndsSessions() throws Exception {
        demoTpg(A, 13290);
        startServer();
        SocketInitiator i = new SocketInitiator("127.0.0.1", 13290);
        assertThat(i.login(0x400000000001L, CLIENT, A).statusClass()).isZero();

        server.close();
        server = null;

        assertThat(i.closedByTarget()).isTrue();
        i.close();
        assertThatThrownBy(() -> new Socket("127.0.0.1", 13290).close()).isInstanceOf(ConnectException.class);
        awaitTrue(() -> scsi.nexusLost.get() == 1, "nexus lost");
    }
}
