package io.glio.engine.iscsi;

import io.glio.engine.iscsi.pdu.LoginResponse;
import io.glio.engine.model.AuthField;
import io.glio.engine.model.TargetModel;
import io.glio.engine.model.Tpg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discovery CHAP ({@code /iscsi set discovery_auth}) and demo-mode CHAP with the TPG's
 * credentials, with libiscsi's iscsi-ls as the initiator.
 */
class DiscoveryAuthTest {

    static final String TARGET = "iqn.2026-11.io.glio:guarded";
    static final int PORT = 13292;

    static RunningTarget target;

    @BeforeAll
    static void start() {
        TargetModel model = new TargetModel();
        Tpg tpg = TestTargets.demo(model, TARGET, PORT);
        model.setTpgAttribute(tpg, "authentication", "1");
        model.setTpgAuth(tpg, AuthField.USERID, "scout");
        model.setTpgAuth(tpg, AuthField.PASSWORD, "pathfinder99");
        model.setDiscoveryAuth(AuthField.USERID, "scout");
        model.setDiscoveryAuth(AuthField.PASSWORD, "pathfinder99");
        model.setDiscoveryAuthEnabled(true);
        target = new RunningTarget(model, 1024 * 1024);
    }

    @AfterAll
    static void stop() {
        target.close();
    }

    @Test
    void discoveryAndLoginWithTheRightSecretListTheLun() throws Exception {
        Tools.Result r = Tools.run("iscsi-ls", "-s", "iscsi://scout%pathfinder99@127.0.0.1:" + PORT);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("Target:" + TARGET + " Portal:127.0.0.1:" + PORT + ",1")
                .contains("Lun:0    Type:DIRECT_ACCESS");
    }

    @Test
    void discoveryWithAWrongSecretFails() throws Exception {
        Tools.Result r = Tools.run("iscsi-ls", "-s", "iscsi://scout%pathfinder98@127.0.0.1:" + PORT);
        assertThat(r.exitCode()).as(r.output()).isNotZero();
        assertThat(r.output()).doesNotContain(TARGET);
    }

    @Test
    void discoveryWithoutChapIsAnAuthenticationFailure() throws Exception {
        try (SocketInitiator i = new SocketInitiator("127.0.0.1", PORT)) {
            LoginResponse r = i.login(0x400000000001L, "iqn.2026-11.io.glio:anonymous", null);
            assertThat(String.format("%02x%02x", r.statusClass(), r.statusDetail())).isEqualTo("0201");
        }
    }
}
