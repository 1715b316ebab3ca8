package io.glio.engine.iscsi.login;

import io.glio.engine.model.ChapCredentials;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChapAuthenticatorTest {

    private static final ChapCredentials ONE_WAY = new ChapCredentials("alice", "wonderland12", "", "");
    private static final ChapCredentials MUTUAL = new ChapCredentials("alice", "wonderland12", "target", "lookingglass1");

    @Test
    void md5ResponseMatchesAnIndependentlyComputedVector() {
        byte[] challenge = new byte[16];
        for (int i = 0; i < 16; i++) {
            challenge[i] = (byte) i;
        }
        // python3: hashlib.md5(bytes([7]) + b'wonderland12' + bytes(range(16))).hexdigest()
        assertThat(HexFormat.of().formatHex(Chap.md5Response(7, "wonderland12", challenge)))
                .isEqualTo("7f2797303349736c80fffca58140e9b7");
    }

    @Test
    void binaryValuesDecodeFromHexAndBase64() {
        assertThat(Chap.decodeBinary("0x0a0B")).containsExactly(10, 11);
        assertThat(Chap.decodeBinary("0xabc")).containsExactly(0x0a, 0xbc);
        assertThat(Chap.decodeBinary("0bAQI=")).containsExactly(1, 2);
        assertThatThrownBy(() -> Chap.decodeBinary("abcd")).hasMessageContaining("abcd");
        assertThatThrownBy(() -> Chap.decodeBinary("0xzz")).hasMessageContaining("0xzz");
    }

    private static Map<String, String> keys(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Plays the initiator: answers the target's challenge with {@code secret}. */
    private static Map<String, String> answer(Map<String, String> challenge, String user, String secret) {
        int id = Integer.parseInt(challenge.get("CHAP_I"));
        byte[] c = Chap.decodeBinary(challenge.get("CHAP_C"));
        return keys("CHAP_N", user, "CHAP_R", Chap.toHex(Chap.md5Response(id, secret, c)));
    }

    @Test
    void oneWayChapWithTheRightSecretSucceeds() throws Exception {
        ChapAuthenticator chap = new ChapAuthenticator(ONE_WAY, new SecureRandom(), 42);
        Map<String, String> challenge = chap.step(keys("CHAP_A", "7,5"));
        assertThat(challenge).containsEntry("CHAP_A", "5").containsEntry("CHAP_I", "42");
        assertThat(Chap.decodeBinary(challenge.get("CHAP_C"))).hasSize(16);

        Map<String, String> reply = chap.step(answer(challenge, "alice", "wonderland12"));

        assertThat(reply).isEmpty();
        assertThat(chap.done()).isTrue();
    }

    @Test
    void aWrongSecretIsAnAuthenticationFailure() throws Exception {
        ChapAuthenticator chap = new ChapAuthenticator(ONE_WAY, new SecureRandom(), 1);
        Map<String, String> challenge = chap.step(keys("CHAP_A", "5"));
        assertThatThrownBy(() -> chap.step(answer(challenge, "alice", "wonderland13")))
                .isInstanceOf(LoginException.class)
                .satisfies(e -> assertThat(((LoginException) e).status()).isEqualTo(LoginStatus.AUTHENTICATION_FAILURE))
                .hasMessageContaining("CHAP_R does not match");
        assertThat(chap.done()).isFalse();
    }

    @Test
    void aWrongUserIsAnAuthenticationFailure() throws Exception {
        ChapAuthenticator chap = new ChapAuthenticator(ONE_WAY, new SecureRandom(), 1);
        Map<String, String> challenge = chap.step(keys("CHAP_A", "5"));
        assertThatThrownBy(() -> chap.step(answer(challenge, "bob", "wonderland12")))
                .hasMessageContaining("CHAP_N bob is not the configured userid");
    }

    @Test
    void onlyMd5IsOffered() {
        ChapAuthenticator chap = new ChapAuthenticator(ONE_WAY, new SecureRandom(), 1);
        assertThatThrownBy(() -> chap.step(keys("CHAP_A", "6,7")))
                .hasMessageContaining("no supported CHAP algorithm in CHAP_A=6,7");
    }

    @Test
    void missingCredentialsFailEvenForTheRightLookingAnswer() throws Exception {
        ChapAuthenticator chap = new ChapAuthenticator(ChapCredentials.NONE, new SecureRandom(), 1);
        Map<String, String> challenge = chap.step(keys("CHAP_A", "5"));
        assertThatThrownBy(() -> chap.step(answer(challenge, "", "")))
                .hasMessageContaining("no CHAP userid/password configured");
    }

    @Test
    void mutualChapAnswersTheInitiatorsChallengeWithTheMutualSecret() throws Exception {
        ChapAuthenticator chap = new ChapAuthenticator(MUTUAL, new SecureRandom(), 3);
        Map<String, String> challenge = chap.step(keys("CHAP_A", "5"));
        Map<String, String> response = answer(challenge, "alice", "wonderland12");
        byte[] mine = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
        response.put("CHAP_I", "77");
        response.put("CHAP_C", Chap.toHex(mine));

        Map<String, String> reply = chap.step(response);

        assertThat(reply).containsEntry("CHAP_N", "target")
                .containsEntry("CHAP_R", Chap.toHex(Chap.md5Response(77, "lookingglass1", mine)));
    }

    @Test
    void mutualChapRefusesAReflectedChallenge() throws Exception {
        ChapAuthenticator chap = new ChapAuthenticator(MUTUAL, new SecureRandom(), 3);
        Map<String, String> challenge = chap.step(keys("CHAP_A", "5"));
        Map<String, String> response = answer(challenge, "alice", "wonderland12");
        response.put("CHAP_I", "3");
        response.put("CHAP_C", challenge.get("CHAP_C"));
        assertThatThrownBy(() -> chap.step(response)).hasMessageContaining("repeats the target's own challenge");
    }

    @Test
    void configuredMutualChapRequiresTheInitiatorToAskForIt() throws Exception {
        ChapAuthenticator chap = new ChapAuthenticator(MUTUAL, new SecureRandom(), 3);
        Map<String, String> challenge = chap.step(keys("CHAP_A", "5"));
        assertThatThrownBy(() -> chap.step(answer(challenge, "alice", "wonderland12")))
                .hasMessageContaining("mutual CHAP is configured");
    }
}
