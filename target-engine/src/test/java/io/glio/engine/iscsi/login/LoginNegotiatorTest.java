package io.glio.engine.iscsi.login;

import io.glio.engine.iscsi.pdu.LoginRequest;
import io.glio.engine.iscsi.pdu.LoginResponse;
import io.glio.engine.model.ChapCredentials;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LoginNegotiatorTest {

    private static final long ISID = 0x400001370000L;

    /** A context with one target, iqn.t, whose access rules the test sets. */
    private static final class FakeContext implements LoginContext {
        boolean authRequired;
        ChapCredentials credentials = ChapCredentials.NONE;
        LoginOutcome completed;

        @Override
        public LoginTarget resolve(boolean discovery, String targetName, String initiatorName, int tsih)
                throws LoginException {
            if (!discovery && !targetName.equals("iqn.t")) {
                throw new LoginException(LoginStatus.NOT_FOUND, "no target " + targetName);
            }
            if (initiatorName.equals("iqn.stranger")) {
                throw new LoginException(LoginStatus.AUTHORIZATION_FAILURE, "no ACL");
            }
            return new LoginTarget(null, discovery ? null : targetName, 3, authRequired, credentials,
                    k -> null, 16);
        }

        @Override
        public int complete(LoginOutcome outcome) {
            completed = outcome;
            return 0x1234;
        }
    }

    private final FakeContext context = new FakeContext();
    private final LoginNegotiator login = new LoginNegotiator(context, new SecureRandom());

    private static LoginRequest request(boolean transit, int csg, int nsg, String... kv) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            text.append(kv[i]).append('=').append(kv[i + 1]).append('\0');
        }
        return new LoginRequest(transit, false, csg, nsg, 0, 0, ISID, 0, 0x77, 1, 100, 0,
                text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> keys(LoginResponse r) throws LoginException {
        Map<String, String> m = new LinkedHashMap<>();
        TextKeys.parse(r.data()).forEach(p -> m.put(p.key(), p.value()));
        return m;
    }

    private static String status(LoginStep step) {
        return String.format("0x%02x%02x", step.response().statusClass(), step.response().statusDetail());
    }

    @Test
    void aLoginWithoutSecurityGoesStraightToFullFeaturePhase() throws Exception {
        LoginStep step = login.handle(request(true, 1, 3, "InitiatorName", "iqn.I", "TargetName", "iqn.t",
                "SessionType", "Normal", "MaxBurstLength", "65536", "X-vendor", "1"));

        assertThat(status(step)).isEqualTo("0x0000");
        assertThat(step.complete()).isTrue();
        LoginResponse r = step.response();
        assertThat(r.transit()).isTrue();
        assertThat(r.nsg()).isEqualTo(3);
        assertThat(r.tsih()).isEqualTo(0x1234);
        assertThat(r.isid()).isEqualTo(ISID);
        assertThat(r.expCmdSn()).isEqualTo(100);
        assertThat(r.maxCmdSn()).isEqualTo(115);
        assertThat(keys(r)).containsEntry("TargetPortalGroupTag", "3").containsEntry("MaxBurstLength", "65536")
                .containsEntry("X-vendor", "NotUnderstood").doesNotContainKey("InitiatorName");
        assertThat(context.completed.initiatorName()).isEqualTo("iqn.i");
        assertThat(context.completed.expCmdSn()).isEqualTo(100);
        assertThat(context.completed.statSn()).isEqualTo(r.statSn() + 1);
        assertThat(context.completed.parameters().maxBurstLength()).isEqualTo(65536);
    }

    @Test
    void theInitiatorAliasIsKeptForTheSessionViewButNotAnswered() throws Exception {
        LoginStep step = login.handle(request(true, 1, 3, "InitiatorName", "iqn.I", "InitiatorAlias", "client one",
                "TargetName", "iqn.t"));

        assertThat(status(step)).isEqualTo("0x0000");
        assertThat(keys(step.response())).doesNotContainKey("InitiatorAlias");
        assertThat(context.completed.parameters().negotiated()).containsEntry("InitiatorAlias", "client one");
    }

    @Test
    void withoutAnAliasTheSessionViewHasNone() throws Exception {
        login.handle(request(true, 1, 3, "InitiatorName", "iqn.I", "TargetName", "iqn.t"));

        assertThat(context.completed.parameters().negotiated()).doesNotContainKey("InitiatorAlias");
    }

    @Test
    void securityWithAuthMethodNoneThenOperationalNegotiation() throws Exception {
        LoginStep first = login.handle(request(true, 0, 1, "InitiatorName", "iqn.i", "TargetName", "iqn.t",
                "AuthMethod", "None"));
        assertThat(keys(first.response())).containsEntry("AuthMethod", "None");
        assertThat(first.response().transit()).isTrue();
        assertThat(first.response().nsg()).isEqualTo(1);
        assertThat(first.response().tsih()).isZero();

        LoginStep second = login.handle(request(true, 1, 3, "HeaderDigest", "CRC32C"));

        assertThat(second.complete()).isTrue();
        assertThat(keys(second.response())).containsEntry("HeaderDigest", "CRC32C")
                .doesNotContainKey("TargetPortalGroupTag");
        assertThat(second.response().statSn()).isEqualTo(first.response().statSn() + 1);
    }

    @Test
    void skippingSecurityWhenAuthenticationIsRequiredFails() {
        context.authRequired = true;
        LoginStep step = login.handle(request(true, 1, 3, "InitiatorName", "iqn.i", "TargetName", "iqn.t"));
        assertThat(status(step)).isEqualTo("0x0201");
        assertThat(step.failed()).isTrue();
    }

    @Test
    void authMethodNoneIsRefusedWhenAuthenticationIsRequired() {
        context.authRequired = true;
        LoginStep step = login.handle(request(true, 0, 1, "InitiatorName", "iqn.i", "TargetName", "iqn.t",
                "AuthMethod", "None"));
        assertThat(status(step)).isEqualTo("0x0201");
    }

    @Test
    void aFullChapLoginTransitsOnlyAfterTheResponse() throws Exception {
        context.authRequired = true;
        context.credentials = new ChapCredentials("u", "secretsecret", "", "");
        LoginStep s1 = login.handle(request(true, 0, 1, "InitiatorName", "iqn.i", "TargetName", "iqn.t",
                "AuthMethod", "CHAP,None"));
        assertThat(keys(s1.response())).containsEntry("AuthMethod", "CHAP");
        assertThat(s1.response().transit()).as("no transit before CHAP is done").isFalse();

        LoginStep s2 = login.handle(request(true, 0, 1, "CHAP_A", "5"));
        Map<String, String> challenge = keys(s2.response());
        int id = Integer.parseInt(challenge.get("CHAP_I"));
        byte[] c = Chap.decodeBinary(challenge.get("CHAP_C"));

        LoginStep s3 = login.handle(request(true, 0, 1, "CHAP_N", "u",
                "CHAP_R", Chap.toHex(Chap.md5Response(id, "secretsecret", c))));
        assertThat(status(s3)).isEqualTo("0x0000");
        assertThat(s3.response().transit()).isTrue();

        LoginStep s4 = login.handle(request(true, 1, 3));
        assertThat(s4.complete()).isTrue();
        assertThat(s4.outcome().authenticated()).as("shown as authenticated by `sessions`").isTrue();
    }

    @Test
    void missingInitiatorNameIsMissingParameter() {
        assertThat(status(login.handle(request(true, 1, 3, "TargetName", "iqn.t")))).isEqualTo("0x0207");
    }

    @Test
    void missingTargetNameInANormalSessionIsMissingParameter() {
        assertThat(status(login.handle(request(true, 1, 3, "InitiatorName", "iqn.i")))).isEqualTo("0x0207");
    }

    @Test
    void anUnknownTargetIsNotFoundAndAStrangerIsNotAuthorized() {
        assertThat(status(login.handle(request(true, 1, 3, "InitiatorName", "iqn.i", "TargetName", "iqn.x"))))
                .isEqualTo("0x0203");
        LoginNegotiator other = new LoginNegotiator(context, new SecureRandom());
        assertThat(status(other.handle(request(true, 1, 3, "InitiatorName", "iqn.stranger", "TargetName", "iqn.t"))))
                .isEqualTo("0x0202");
    }

    @Test
    void transitAndContinueTogetherIsAnInitiatorError() {
        LoginRequest r = new LoginRequest(true, true, 1, 3, 0, 0, ISID, 0, 1, 1, 1, 0, new byte[0]);
        assertThat(status(login.handle(r))).isEqualTo("0x0200");
    }

    @Test
    void aTransitionBackwardsIsAnInitiatorError() {
        assertThat(status(login.handle(request(true, 1, 0, "InitiatorName", "iqn.i", "TargetName", "iqn.t"))))
                .isEqualTo("0x0200");
    }

    @Test
    void anUnsupportedVersionIsRefused() {
        LoginRequest r = new LoginRequest(true, false, 1, 3, 2, 1, ISID, 0, 1, 1, 1, 0, new byte[0]);
        assertThat(status(login.handle(r))).isEqualTo("0x0205");
    }

    @Test
    void aChangedIsidWithinTheLoginIsAnInitiatorError() {
        login.handle(request(false, 0, 0, "InitiatorName", "iqn.i", "TargetName", "iqn.t", "AuthMethod", "None"));
        LoginRequest r = new LoginRequest(true, false, 0, 1, 0, 0, ISID + 1, 0, 0x77, 1, 100, 0, new byte[0]);
        assertThat(status(login.handle(r))).isEqualTo("0x0200");
    }

    @Test
    void anOverlongKeyIsAnInitiatorError() {
        assertThat(status(login.handle(request(true, 1, 3, "InitiatorName", "iqn.i", "TargetName", "iqn.t",
                "K".repeat(64), "v")))).isEqualTo("0x0200");
    }

    @Test
    void aDiscoveryLoginNeedsNoTargetName() throws Exception {
        LoginStep step = login.handle(request(true, 1, 3, "InitiatorName", "iqn.i", "SessionType", "Discovery",
                "MaxBurstLength", "4096"));
        assertThat(step.complete()).isTrue();
        assertThat(keys(step.response())).containsEntry("MaxBurstLength", "Irrelevant");
        assertThat(step.outcome().target().discovery()).isTrue();
    }
}
