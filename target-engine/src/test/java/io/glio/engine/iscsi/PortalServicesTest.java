package io.glio.engine.iscsi;

import io.glio.engine.iscsi.login.LoginException;
import io.glio.engine.iscsi.login.LoginStatus;
import io.glio.engine.iscsi.login.LoginTarget;
import io.glio.engine.iscsi.session.ConnectionTimeouts;
import io.glio.engine.iscsi.session.SessionRegistry;
import io.glio.engine.model.Fabric;
import io.glio.engine.model.TargetModel;
import io.glio.engine.model.Tpg;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What logins and SendTargets see of the model through one portal. */
class PortalServicesTest {

    static final String A = "iqn.2026-11.io.glio:a";
    static final String B = "iqn.2026-11.io.glio:b";
    static final String I = "iqn.2026-11.io.glio:initiator";

    private final TargetModel model = new TargetModel();

    private PortalServices on(String ip, int port) {
        return new PortalServices(model, new PortalAddress(ip, port), nexus -> null, new SessionRegistry(),
                ConnectionTimeouts.LIO_DEFAULTS);
    }

    private String sendTargets(PortalServices s, InetSocketAddress local) {
        return new String(s.sendTargets(I, "All", local), StandardCharsets.UTF_8).replace('\0', '|');
    }

    @Test
    void aWildcardPortalReportsTheConnectionsLocalAddress() {
        Tpg tpg = model.createTpg(model.createTarget(Fabric.ISCSI, A), 1);
        model.setTpgAttribute(tpg, "generate_node_acls", "1");
        model.createPortal(tpg, "0.0.0.0", 3260);
        model.createPortal(tpg, "[::]", 3261);
        model.setTpgEnabled(tpg, true);

        assertThat(sendTargets(on("0.0.0.0", 3260), new InetSocketAddress("10.1.2.3", 3260)))
                .isEqualTo("TargetName=" + A + "|TargetAddress=10.1.2.3:3260,1|TargetAddress=10.1.2.3:3261,1|");
        assertThat(sendTargets(on("[::]", 3261), new InetSocketAddress("fd00::7", 3261)))
                .contains("TargetAddress=[fd00:0:0:0:0:0:0:7]:3261,1");
    }

    @Test
    void disabledTpgsAndTargetsHiddenFromStrangersAreNotListed() {
        Tpg shown = TestTargets.demo(model, A, 13299);
        Tpg hidden = model.createTpg(model.createTarget(Fabric.ISCSI, B), 1);
        model.createPortal(hidden, "127.0.0.1", 13299);
        model.setTpgAttribute(hidden, "demo_mode_discovery", "0");
        model.setTpgEnabled(hidden, true);
        Tpg disabled = model.createTpg(model.target(Fabric.ISCSI, A).orElseThrow(), 2);
        model.createPortal(disabled, "127.0.0.1", 13298);

        String text = sendTargets(on("127.0.0.1", 13299), null);
        assertThat(text).isEqualTo("TargetName=" + A + "|TargetAddress=127.0.0.1:13299,1|");

        model.setTpgAttribute(disabled, "tpg_enabled_sendtargets", "0");
        assertThat(sendTargets(on("127.0.0.1", 13299), null)).contains("TargetAddress=127.0.0.1:13298,2");
        model.createNodeAcl(hidden, I);
        assertThat(sendTargets(on("127.0.0.1", 13299), null)).contains("TargetName=" + B);
        assertThat(shown.enabled()).isTrue();
    }

    @Test
    void aLoginResolvesTheEnabledTpgOnThisPortalWithItsParameters() throws Exception {
        Tpg tpg = TestTargets.demo(model, A, 13297);
        model.setTpgParameter(tpg, "MaxBurstLength", "65536");
        model.setTpgAttribute(tpg, "default_cmdsn_depth", "16");

        LoginTarget t = on("127.0.0.1", 13297).resolve(false, A, I);

        assertThat(t.tpg()).isSameAs(tpg);
        assertThat(t.tpgTag()).isEqualTo(1);
        assertThat(t.parameters().apply("MaxBurstLength")).isEqualTo("65536");
        assertThat(t.commandWindow()).isEqualTo(16);
        assertThat(t.authenticationRequired()).isFalse();
        assertThatThrownBy(() -> on("127.0.0.1", 13296).resolve(false, A, I))
                .isInstanceOf(LoginException.class)
                .satisfies(e -> assertThat(((LoginException) e).status()).isEqualTo(LoginStatus.NOT_FOUND));
    }

    @Test
    void discoveryUsesTheGlobalDiscoveryAuth() throws Exception {
        TestTargets.demo(model, A, 13297);
        model.setDiscoveryAuthEnabled(true);
        LoginTarget t = on("127.0.0.1", 13297).resolve(true, null, I);
        assertThat(t.discovery()).isTrue();
        assertThat(t.authenticationRequired()).isTrue();
        assertThat(t.commandWindow()).isEqualTo(1);
    }
}
