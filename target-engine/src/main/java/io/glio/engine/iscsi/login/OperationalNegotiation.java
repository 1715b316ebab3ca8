package io.glio.engine.iscsi.login;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Negotiates the operational keys of one login (RFC 7143 §6.2, §13) against the target's values
 * (the TPG {@code parameter} group, LIO defaults). Keys the initiator does not offer keep their
 * RFC 7143 default, which is what the initiator assumes too (we never propose keys).
 *
 * <p>Our own MaxRecvDataSegmentLength is declared from the TPG's
 * {@code MaxXmitDataSegmentLength} (262144 by default), as LIO does: LIO stores the
 * initiator's declaration as its transmit limit and answers with that value.
 */
public final class OperationalNegotiation {

    public static final String NOT_UNDERSTOOD = "NotUnderstood";
    public static final String IRRELEVANT = "Irrelevant";
    public static final String REJECT = "Reject";
    /** LIO's internal transmit limit, declared as our receive limit. */
    public static final String TARGET_RECV_KEY = "MaxXmitDataSegmentLength";
    public static final int DEFAULT_TARGET_RECV = 262144;

    private String initiatorAlias;
    private final Function<String, String> targetValues;
    private final boolean discovery;
    private final Map<OperationalKey, String> results = new LinkedHashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final int targetMaxRecv;

    /**
     * @param targetValues the TPG's parameter values by key name (null when unset)
     * @param discovery    whether this is a discovery session (session keys are irrelevant)
     */
    public OperationalNegotiation(Function<String, String> targetValues, boolean discovery) {
        this.targetValues = targetValues;
        this.discovery = discovery;
        long declared = parseOr(targetValues.apply(TARGET_RECV_KEY), DEFAULT_TARGET_RECV);
        this.targetMaxRecv = (int) Math.max(512, Math.min(16777215, declared));
    }

    /** Whether {@code key} is an operational key this negotiation answers. */
    public static boolean isOperational(String key) {
        return OperationalKey.byKey(key).isPresent();
    }

    /**
     * Answers one offered key.
     *
     * @return the value to send back for {@code key}
     */
    public String offer(String key, String value) {
        OperationalKey k = OperationalKey.byKey(key).orElse(null);
        if (k == null || !seen.add(key)) {
            // Unknown keys and keys offered twice (RFC 7143 §6.2.1, LIO): NotUnderstood.
            return NOT_UNDERSTOOD;
        }
        if (discovery && k.sessionWide()) {
            return IRRELEVANT;
        }
        String result = combine(k, value, targetValue(k));
        if (!result.equals(REJECT) && !result.equals(IRRELEVANT)) {
            results.put(k, result);
        }
        if (k == OperationalKey.MAX_RECV_DATA_SEGMENT_LENGTH && !result.equals(REJECT)) {
            return Integer.toString(targetMaxRecv);
        }
        return result;
    }

    /**
     * Session keys the initiator did not offer whose TPG value changes the outcome: their result
     * (the key's rule applied to the RFC default and the TPG value) is declared in the final
     * response and used, as LIO does with {@code login_keys_workaround} (reply optional).
     */
    public Map<String, String> declareUnoffered() {
        Map<String, String> out = new LinkedHashMap<>();
        if (discovery) {
            return out;
        }
        for (OperationalKey k : OperationalKey.values()) {
            boolean combinable = k.rule() == OperationalKey.Rule.MIN || k.rule() == OperationalKey.Rule.MAX
                    || k.rule() == OperationalKey.Rule.OR || k.rule() == OperationalKey.Rule.AND;
            if (!k.sessionWide() || !combinable || seen.contains(k.key())) {
                continue;
            }
            String result = combine(k, k.rfcDefault(), targetValue(k));
            if (!result.equals(k.rfcDefault()) && !result.equals(REJECT)) {
                seen.add(k.key());
                results.put(k, result);
                out.put(k.key(), result);
            }
        }
        return out;
    }

    private static String combine(OperationalKey k, String value, String target) {
        return switch (k.rule()) {
            case LIST -> firstCommon(value, target);
            case OR -> bool(value).map(v -> yes(v || isYes(target))).orElse(REJECT);
            case AND -> bool(value).map(v -> yes(v && isYes(target))).orElse(REJECT);
            case MIN, MAX -> number(k, value)
                    .map(v -> Long.toString(k.rule() == OperationalKey.Rule.MIN
                            ? Math.min(v, parseOr(target, v)) : Math.max(v, parseOr(target, v))))
                    .orElse(REJECT);
            case DECLARATIVE -> number(k, value).map(v -> Long.toString(v)).orElse(REJECT);
            case MARKER_INTERVAL -> IRRELEVANT;
        };
    }

    private String targetValue(OperationalKey k) {
        if (k == OperationalKey.ERROR_RECOVERY_LEVEL) {
            return "0"; // only ErrorRecoveryLevel 0 is implemented
        }
        if (k == OperationalKey.MAX_CONNECTIONS) {
            return "1"; // one connection per session
        }
        String v = targetValues.apply(k.key());
        if (v == null) {
            // LIO offers both digests unless the TPG says otherwise.
            return k.rule() == OperationalKey.Rule.LIST ? "CRC32C,None" : k.rfcDefault();
        }
        return v;
    }

    private static String firstCommon(String offered, String target) {
        Set<String> supported = new HashSet<>();
        for (String t : target.split(",")) {
            supported.add(t.strip().toLowerCase(Locale.ROOT));
        }
        for (String o : offered.split(",")) {
            String v = o.strip();
            if (supported.contains(v.toLowerCase(Locale.ROOT))
                    && (v.equalsIgnoreCase("None") || v.equalsIgnoreCase("CRC32C"))) {
                return v.equalsIgnoreCase("None") ? "None" : "CRC32C";
            }
        }
        return REJECT;
    }

    private static java.util.Optional<Boolean> bool(String v) {
        if (v.equals("Yes")) {
            return java.util.Optional.of(true);
        }
        if (v.equals("No")) {
            return java.util.Optional.of(false);
        }
        return java.util.Optional.empty();
    }

    private static boolean isYes(String v) {
        return "Yes".equalsIgnoreCase(v);
    }

    private static String yes(boolean b) {
        return b ? "Yes" : "No";
    }

    private static java.util.Optional<Long> number(OperationalKey k, String value) {
        if (!value.matches("[0-9]{1,10}")) {
            return java.util.Optional.empty();
        }
        long v = Long.parseLong(value);
        if (v < k.min() || v > k.max()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(v);
    }

    private static long parseOr(String value, long fallback) {
        if (value == null || !value.strip().matches("[0-9]{1,10}")) {
            return fallback;
        }
        return Long.parseLong(value.strip());
    }

    /** The result of {@code key} so far (negotiated, else the RFC default). */
    public String value(OperationalKey key) {
        String v = results.get(key);
        return v != null ? v : key.rfcDefault();
    }

    /**
     * Keeps the alias the initiator declared (RFC 7143 §13.6: a declaration, never answered) so
     * the session view can show it, as LIO's {@code sessions} does.
     */
    public void initiatorAlias(String alias) {
        initiatorAlias = alias;
    }

    /** Applies the integrity rules (FirstBurstLength <= MaxBurstLength) and freezes the result. */
    public SessionParameters finish() {
        int maxBurst = (int) parseOr(value(OperationalKey.MAX_BURST_LENGTH), 262144);
        int firstBurst = (int) Math.min(parseOr(value(OperationalKey.FIRST_BURST_LENGTH), 65536), maxBurst);
        Map<String, String> all = new LinkedHashMap<>();
        for (OperationalKey k : OperationalKey.values()) {
            if (k.rule() != OperationalKey.Rule.MARKER_INTERVAL) {
                all.put(k.key(), value(k));
            }
        }
        all.put(OperationalKey.FIRST_BURST_LENGTH.key(), Integer.toString(firstBurst));
        all.put("TargetMaxRecvDataSegmentLength", Integer.toString(targetMaxRecv));
        if (initiatorAlias != null) {
            all.put("InitiatorAlias", initiatorAlias);
        }
        return new SessionParameters(
                value(OperationalKey.HEADER_DIGEST).equals("CRC32C"),
                value(OperationalKey.DATA_DIGEST).equals("CRC32C"),
                (int) parseOr(value(OperationalKey.MAX_RECV_DATA_SEGMENT_LENGTH), 8192),
                targetMaxRecv, maxBurst, firstBurst,
                isYes(value(OperationalKey.INITIAL_R2T)), isYes(value(OperationalKey.IMMEDIATE_DATA)),
                (int) parseOr(value(OperationalKey.MAX_OUTSTANDING_R2T), 1),
                (int) parseOr(value(OperationalKey.MAX_CONNECTIONS), 1),
                (int) parseOr(value(OperationalKey.DEFAULT_TIME2WAIT), 2),
                (int) parseOr(value(OperationalKey.DEFAULT_TIME2RETAIN), 20),
                (int) parseOr(value(OperationalKey.ERROR_RECOVERY_LEVEL), 0), all);
    }
}
