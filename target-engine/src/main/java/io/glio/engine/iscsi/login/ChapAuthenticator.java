package io.glio.engine.iscsi.login;

import io.glio.engine.model.ChapCredentials;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The target side of one CHAP exchange (RFC 7143 §12.1.3), after {@code AuthMethod=CHAP} was
 * agreed:
 * <pre>
 *  I: CHAP_A=&lt;A1,A2…&gt;              T: CHAP_A=5 CHAP_I=&lt;id&gt; CHAP_C=&lt;challenge&gt;
 *  I: CHAP_N=&lt;user&gt; CHAP_R=&lt;resp&gt;  [CHAP_I=&lt;id&gt; CHAP_C=&lt;challenge&gt;  (mutual)]
 *                                    T: (mutual) CHAP_N=&lt;user&gt; CHAP_R=&lt;resp&gt;
 * </pre>
 * Every failure is {@link LoginStatus#AUTHENTICATION_FAILURE} (0x0201).
 */
public final class ChapAuthenticator {

    private enum State { EXPECT_ALGORITHM, EXPECT_RESPONSE, DONE }

    /** Largest initiator challenge accepted for mutual CHAP (LIO: 1024 bytes). */
    static final int MAX_INITIATOR_CHALLENGE = 1024;

    private final ChapCredentials credentials;
    private final SecureRandom random;
    private final int identifier;
    private State state = State.EXPECT_ALGORITHM;
    private byte[] challenge;

    /**
     * @param credentials the credentials that apply to this login
     * @param identifier  the CHAP identifier (0..255) to send
     */
    public ChapAuthenticator(ChapCredentials credentials, SecureRandom random, int identifier) {
        this.credentials = credentials;
        this.random = random;
        this.identifier = identifier & 0xff;
    }

    public boolean done() {
        return state == State.DONE;
    }

    /**
     * Consumes the CHAP keys of one Login Request.
     *
     * @param keys the CHAP_* keys received, in order
     * @return the CHAP keys to answer with
     */
    public Map<String, String> step(Map<String, String> keys) throws LoginException {
        Map<String, String> reply = new LinkedHashMap<>();
        switch (state) {
            case EXPECT_ALGORITHM -> {
                String algorithms = keys.get("CHAP_A");
                if (algorithms == null) {
                    throw fail("CHAP_A expected, got " + keys.keySet());
                }
                boolean md5 = false;
                for (String a : algorithms.split(",")) {
                    md5 |= a.strip().equals(Integer.toString(Chap.ALGORITHM_MD5));
                }
                if (!md5) {
                    throw fail("no supported CHAP algorithm in CHAP_A=" + algorithms + " (only 5, MD5)");
                }
                challenge = new byte[Chap.MD5_LENGTH];
                random.nextBytes(challenge);
                reply.put("CHAP_A", Integer.toString(Chap.ALGORITHM_MD5));
                reply.put("CHAP_I", Integer.toString(identifier));
                reply.put("CHAP_C", Chap.toHex(challenge));
                state = State.EXPECT_RESPONSE;
            }
            case EXPECT_RESPONSE -> {
                verifyInitiator(keys);
                String mutualId = keys.get("CHAP_I");
                String mutualChallenge = keys.get("CHAP_C");
                if (mutualId != null || mutualChallenge != null) {
                    answerMutual(mutualId, mutualChallenge, reply);
                } else if (credentials.isMutual()) {
                    throw fail("mutual CHAP is configured but the initiator did not send CHAP_I/CHAP_C");
                }
                state = State.DONE;
            }
            default -> throw new LoginException(LoginStatus.INITIATOR_ERROR,
                    "CHAP keys after authentication completed: " + keys.keySet());
        }
        return reply;
    }

    private void verifyInitiator(Map<String, String> keys) throws LoginException {
        String name = keys.get("CHAP_N");
        String response = keys.get("CHAP_R");
        if (name == null || response == null) {
            throw fail("CHAP_N and CHAP_R expected, got " + keys.keySet());
        }
        if (!credentials.hasCredentials()) {
            throw fail("no CHAP userid/password configured for this initiator");
        }
        if (!name.equals(credentials.userid())) {
            throw fail("CHAP_N " + name + " is not the configured userid");
        }
        byte[] received = binary("CHAP_R", response);
        byte[] expected = Chap.md5Response(identifier, credentials.password(), challenge);
        if (!MessageDigest.isEqual(received, expected)) {
            throw fail("CHAP_R does not match the configured secret for " + name);
        }
    }

    private void answerMutual(String id, String challengeText, Map<String, String> reply)
            throws LoginException {
        if (id == null || challengeText == null) {
            throw fail("mutual CHAP needs both CHAP_I and CHAP_C");
        }
        if (!credentials.isMutual()) {
            throw fail("initiator asked for mutual CHAP but no mutual credentials are configured");
        }
        if (!id.matches("[0-9]{1,3}") || Integer.parseInt(id) > 255) {
            throw fail("CHAP_I " + id + " is not 0..255");
        }
        byte[] initiatorChallenge = binary("CHAP_C", challengeText);
        if (initiatorChallenge.length == 0 || initiatorChallenge.length > MAX_INITIATOR_CHALLENGE) {
            throw fail("CHAP_C of " + initiatorChallenge.length + " bytes (1.." + MAX_INITIATOR_CHALLENGE + ")");
        }
        if (MessageDigest.isEqual(initiatorChallenge, challenge)) {
            // Reflection attack guard (RFC 7143 §12.1.3).
            throw fail("CHAP_C repeats the target's own challenge");
        }
        reply.put("CHAP_N", credentials.mutualUserid());
        reply.put("CHAP_R", Chap.toHex(Chap.md5Response(Integer.parseInt(id),
                credentials.mutualPassword(), initiatorChallenge)));
    }

    private static byte[] binary(String key, String value) throws LoginException {
        try {
            return Chap.decodeBinary(value);
        } catch (IllegalArgumentException e) {
            throw fail(key + ": " + e.getMessage());
        }
    }

    private static LoginException fail(String why) {
        return new LoginException(LoginStatus.AUTHENTICATION_FAILURE, why);
    }
}
