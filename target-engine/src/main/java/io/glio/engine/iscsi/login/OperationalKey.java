package io.glio.engine.iscsi.login;

import java.util.Optional;

/**
 * The operational text keys of RFC 7143 §13 with LIO's defaults and ranges
 * ({@code iscsi_target_parameters.h}) and the rule that combines the two sides' values.
 */
public enum OperationalKey {
    HEADER_DIGEST("HeaderDigest", Rule.LIST, 0, 0, "None", false),
    DATA_DIGEST("DataDigest", Rule.LIST, 0, 0, "None", false),
    MAX_CONNECTIONS("MaxConnections", Rule.MIN, 1, 65535, "1", true),
    INITIAL_R2T("InitialR2T", Rule.OR, 0, 0, "Yes", true),
    IMMEDIATE_DATA("ImmediateData", Rule.AND, 0, 0, "Yes", true),
    MAX_RECV_DATA_SEGMENT_LENGTH("MaxRecvDataSegmentLength", Rule.DECLARATIVE, 512, 16777215, "8192", false),
    MAX_BURST_LENGTH("MaxBurstLength", Rule.MIN, 512, 16777215, "262144", true),
    FIRST_BURST_LENGTH("FirstBurstLength", Rule.MIN, 512, 16777215, "65536", true),
    DEFAULT_TIME2WAIT("DefaultTime2Wait", Rule.MAX, 0, 3600, "2", true),
    DEFAULT_TIME2RETAIN("DefaultTime2Retain", Rule.MIN, 0, 3600, "20", true),
    MAX_OUTSTANDING_R2T("MaxOutstandingR2T", Rule.MIN, 1, 65535, "1", true),
    DATA_PDU_IN_ORDER("DataPDUInOrder", Rule.OR, 0, 0, "Yes", true),
    DATA_SEQUENCE_IN_ORDER("DataSequenceInOrder", Rule.OR, 0, 0, "Yes", true),
    ERROR_RECOVERY_LEVEL("ErrorRecoveryLevel", Rule.MIN, 0, 2, "0", true),
    IF_MARKER("IFMarker", Rule.AND, 0, 0, "No", false),
    OF_MARKER("OFMarker", Rule.AND, 0, 0, "No", false),
    IF_MARK_INT("IFMarkInt", Rule.MARKER_INTERVAL, 1, 65535, "2048", false),
    OF_MARK_INT("OFMarkInt", Rule.MARKER_INTERVAL, 1, 65535, "2048", false);

    /** How the offered and the target's value combine (RFC 7143 §6.2). */
    public enum Rule {
        /** Numerical minimum of both values. */
        MIN,
        /** Numerical maximum. */
        MAX,
        /** Boolean: Yes if either side says Yes. */
        OR,
        /** Boolean: Yes only if both sides say Yes. */
        AND,
        /** First value of the offer's list that the target also supports. */
        LIST,
        /** Each side declares its own value; the target answers with its own. */
        DECLARATIVE,
        /** Obsolete marker intervals: irrelevant since markers are never used. */
        MARKER_INTERVAL
    }

    private final String key;
    private final Rule rule;
    private final long min;
    private final long max;
    private final String rfcDefault;
    private final boolean sessionWide;

    OperationalKey(String key, Rule rule, long min, long max, String rfcDefault, boolean sessionWide) {
        this.key = key;
        this.rule = rule;
        this.min = min;
        this.max = max;
        this.rfcDefault = rfcDefault;
        this.sessionWide = sessionWide;
    }

    public String key() {
        return key;
    }

    public Rule rule() {
        return rule;
    }

    public long min() {
        return min;
    }

    public long max() {
        return max;
    }

    /** The value both sides assume when the key is not negotiated (RFC 7143 §13). */
    public String rfcDefault() {
        return rfcDefault;
    }

    /** Session-wide keys are only negotiated on a session's leading connection. */
    public boolean sessionWide() {
        return sessionWide;
    }

    public boolean numeric() {
        return rule == Rule.MIN || rule == Rule.MAX || rule == Rule.DECLARATIVE
                || rule == Rule.MARKER_INTERVAL;
    }

    public static Optional<OperationalKey> byKey(String key) {
        for (OperationalKey k : values()) {
            if (k.key.equals(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
