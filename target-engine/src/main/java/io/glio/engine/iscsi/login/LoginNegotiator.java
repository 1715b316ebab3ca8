package io.glio.engine.iscsi.login;

import io.glio.engine.iscsi.pdu.LoginRequest;
import io.glio.engine.iscsi.pdu.LoginResponse;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The target side of one connection's login phase (RFC 7143 §6.3, §11.12), one Login Request at
 * a time: header checks as LIO makes them ({@code iscsi_target_check_login_request}), target
 * lookup and access control on the first request, security negotiation (CHAP) and operational
 * negotiation, stage transitions, and the final response that enters full feature phase.
 */
public final class LoginNegotiator {

    static final int SECURITY = 0;
    static final int OPERATIONAL = 1;
    static final int FULL_FEATURE = 3;
    /** Keys the initiator declares about itself; they get no answer. */
    private static final Set<String> DECLARATIONS = Set.of("InitiatorName", "InitiatorAlias",
            "SessionType", "TargetName");

    private final LoginContext context;
    private final SecureRandom random;

    private boolean first = true;
    private int stage;
    private long isid;
    private int tsih;
    private int initiatorTaskTag;
    private int versionMax;
    private int versionMin;
    private int cid;
    private int expCmdSn;
    private int statSn;
    private final ByteArrayOutputStream continued = new ByteArrayOutputStream();

    private String initiatorName;
    private LoginTarget target;
    private OperationalNegotiation negotiation;
    private String authMethod;
    private ChapAuthenticator chap;

    public LoginNegotiator(LoginContext context, SecureRandom random) {
        this.context = context;
        this.random = random;
        this.statSn = random.nextInt();
    }

    /** The target resolved by the first request, or null. */
    public LoginTarget target() {
        return target;
    }

    public String initiatorName() {
        return initiatorName;
    }

    /** Answers one Login Request; never throws for bad input. */
    public LoginStep handle(LoginRequest request) {
        try {
            return process(request);
        } catch (LoginException e) {
            LoginResponse r = new LoginResponse(false, false, stage, 0, request.isid(), 0,
                    request.initiatorTaskTag(), statSn++, expCmdSn, expCmdSn,
                    e.status().statusClass(), e.status().detail(), new byte[0]);
            return new LoginStep(r, null, e);
        }
    }

    private LoginStep process(LoginRequest r) throws LoginException {
        checkHeader(r);
        if (r.cont()) {
            // A text split over several PDUs (RFC 7143 §6.3): collect, answer with empty responses.
            if (continued.size() + r.data().length > 2 * io.glio.engine.iscsi.pdu.PduParser.LOGIN_DATA_SEGMENT_LIMIT) {
                throw new LoginException(LoginStatus.INITIATOR_ERROR, "continued login text exceeds "
                        + 2 * io.glio.engine.iscsi.pdu.PduParser.LOGIN_DATA_SEGMENT_LIMIT + " bytes");
            }
            continued.writeBytes(r.data());
            return new LoginStep(response(false, stage, 0, new LinkedHashMap<>()), null, null);
        }
        continued.writeBytes(r.data());
        byte[] text = continued.toByteArray();
        continued.reset();
        List<TextKeys.Pair> pairs = TextKeys.parse(text);
        Map<String, String> reply = new LinkedHashMap<>();
        if (first) {
            locate(pairs, reply);
            first = false;
        }
        boolean securityDone;
        if (r.csg() == SECURITY) {
            securityDone = security(pairs, reply);
        } else {
            if (target.authenticationRequired() && (chap == null || !chap.done())) {
                throw new LoginException(LoginStatus.AUTHENTICATION_FAILURE,
                        "operational negotiation without the required CHAP authentication");
            }
            securityDone = true;
            operational(pairs, reply);
        }
        if (!r.transit() || !securityDone) {
            return new LoginStep(response(false, stage, 0, reply), null, null);
        }
        int from = stage;
        stage = r.nsg();
        if (stage != FULL_FEATURE) {
            return new LoginStep(response(true, from, stage, reply), null, null);
        }
        reply.putAll(negotiation.declareUnoffered());
        SessionParameters parameters = negotiation.finish();
        int finalStatSn = statSn;
        LoginOutcome outcome = new LoginOutcome(initiatorName, target, isid, cid, parameters, expCmdSn,
                finalStatSn + 1, chap != null && chap.done());
        tsih = context.complete(outcome);
        return new LoginStep(response(true, from, FULL_FEATURE, reply), outcome, null);
    }

    private void checkHeader(LoginRequest r) throws LoginException {
        if (r.transit() && r.cont()) {
            throw initiatorError("T and C bits both set");
        }
        if (first) {
            isid = r.isid();
            tsih = r.tsih();
            initiatorTaskTag = r.initiatorTaskTag();
            versionMax = r.versionMax();
            versionMin = r.versionMin();
            cid = r.cid();
            expCmdSn = r.cmdSn();
            stage = r.csg();
            if (versionMin != 0) {
                throw new LoginException(LoginStatus.UNSUPPORTED_VERSION,
                        "Version-min " + versionMin + " (only version 0 is supported)");
            }
        } else if (r.isid() != isid || r.initiatorTaskTag() != initiatorTaskTag
                || r.versionMax() != versionMax || r.versionMin() != versionMin) {
            throw initiatorError("ISID, ITT or version changed within the login");
        }
        if (r.csg() != stage) {
            throw initiatorError("CSG " + r.csg() + " but the login is in stage " + stage);
        }
        if (r.csg() >= 2 || (r.transit() && (r.nsg() == 2 || r.nsg() <= r.csg()))) {
            throw initiatorError("invalid stage transition CSG " + r.csg() + " NSG " + r.nsg());
        }
    }

    private void locate(List<TextKeys.Pair> pairs, Map<String, String> reply) throws LoginException {
        Map<String, String> declared = new LinkedHashMap<>();
        for (TextKeys.Pair p : pairs) {
            if (DECLARATIONS.contains(p.key())) {
                declared.putIfAbsent(p.key(), p.value());
            }
        }
        String name = declared.get("InitiatorName");
        if (name == null || name.isBlank()) {
            throw new LoginException(LoginStatus.MISSING_PARAMETER, "InitiatorName missing");
        }
        initiatorName = name.strip().toLowerCase(Locale.ROOT);
        String type = declared.getOrDefault("SessionType", "Normal");
        boolean discovery;
        if (type.equals("Discovery")) {
            discovery = true;
        } else if (type.equals("Normal")) {
            discovery = false;
        } else {
            throw new LoginException(LoginStatus.SESSION_TYPE_NOT_SUPPORTED, "SessionType " + type);
        }
        String targetName = declared.get("TargetName");
        if (!discovery && (targetName == null || targetName.isBlank())) {
            throw new LoginException(LoginStatus.MISSING_PARAMETER, "TargetName missing in a normal session");
        }
        target = context.resolve(discovery, discovery ? null : targetName.strip().toLowerCase(Locale.ROOT),
                initiatorName, tsih);
        negotiation = new OperationalNegotiation(target.parameters(), discovery);
        reply.put("TargetPortalGroupTag", Integer.toString(target.tpgTag()));
    }

    /** @return whether security negotiation is complete */
    private boolean security(List<TextKeys.Pair> pairs, Map<String, String> reply) throws LoginException {
        Map<String, String> chapKeys = new LinkedHashMap<>();
        for (TextKeys.Pair p : pairs) {
            if (p.key().equals("AuthMethod")) {
                if (authMethod != null) {
                    reply.put("AuthMethod", OperationalNegotiation.NOT_UNDERSTOOD);
                    continue;
                }
                authMethod = chooseAuthMethod(p.value());
                reply.put("AuthMethod", authMethod);
                if (authMethod.equals("CHAP")) {
                    chap = new ChapAuthenticator(target.credentials(), random, random.nextInt(256));
                }
            } else if (p.key().startsWith("CHAP_")) {
                chapKeys.put(p.key(), p.value());
            } else {
                answerOther(p, reply);
            }
        }
        if (!chapKeys.isEmpty()) {
            if (chap == null) {
                throw initiatorError("CHAP keys " + chapKeys.keySet() + " without AuthMethod=CHAP");
            }
            reply.putAll(chap.step(chapKeys));
        }
        if (authMethod == null) {
            if (target.authenticationRequired()) {
                throw new LoginException(LoginStatus.AUTHENTICATION_FAILURE,
                        "authentication required but no AuthMethod offered");
            }
            return true;
        }
        return chap == null || chap.done();
    }

    private String chooseAuthMethod(String offered) throws LoginException {
        for (String o : offered.split(",")) {
            String m = o.strip();
            if (m.equals("CHAP") || (m.equals("None") && !target.authenticationRequired())) {
                return m;
            }
        }
        throw new LoginException(LoginStatus.AUTHENTICATION_FAILURE, "AuthMethod=" + offered
                + " offers nothing acceptable (" + (target.authenticationRequired() ? "CHAP" : "CHAP,None")
                + ")");
    }

    private void operational(List<TextKeys.Pair> pairs, Map<String, String> reply) throws LoginException {
        for (TextKeys.Pair p : pairs) {
            if (p.key().equals("AuthMethod") || p.key().startsWith("CHAP_")) {
                // Security keys after the security stage (LIO: initiator error).
                throw initiatorError("security key " + p.key() + " in operational negotiation");
            }
            answerOther(p, reply);
        }
    }

    private void answerOther(TextKeys.Pair p, Map<String, String> reply) {
        if (p.key().equals("InitiatorAlias")) {
            negotiation.initiatorAlias(p.value()); // may come in any login request (RFC 7143 §13.6)
        }
        if (DECLARATIONS.contains(p.key())) {
            return;
        }
        reply.put(p.key(), negotiation.offer(p.key(), p.value()));
    }

    private LoginResponse response(boolean transit, int csg, int nsg, Map<String, String> reply) {
        return new LoginResponse(transit, false, csg, transit ? nsg : 0, isid,
                nsg == FULL_FEATURE && transit ? tsih : 0, initiatorTaskTag, statSn++, expCmdSn,
                expCmdSn + Math.max(1, target == null ? 1 : target.commandWindow()) - 1, 0, 0,
                TextKeys.encode(reply));
    }

    private static LoginException initiatorError(String why) {
        return new LoginException(LoginStatus.INITIATOR_ERROR, why);
    }
}
