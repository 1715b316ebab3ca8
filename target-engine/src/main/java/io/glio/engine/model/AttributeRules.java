package io.glio.engine.model;

import java.util.Map;
import java.util.Set;

/**
 * What the kernel accepts when an {@code attrib/} or {@code param/} file is written, with
 * rtslib's error texts ({@code node.py set_attribute}, {@code set_parameter}).
 */
final class AttributeRules {

    private static final Set<String> YES_NO = Set.of("DataPDUInOrder", "DataSequenceInOrder",
            "IFMarker", "OFMarker", "InitialR2T", "ImmediateData");
    private static final Map<String, long[]> RANGES = Map.of(
            "DefaultTime2Retain", new long[] {0, 3600},
            "DefaultTime2Wait", new long[] {0, 3600},
            "ErrorRecoveryLevel", new long[] {0, 2},
            "FirstBurstLength", new long[] {512, 16777215},
            "MaxBurstLength", new long[] {512, 16777215},
            "MaxConnections", new long[] {1, 65535},
            "MaxOutstandingR2T", new long[] {1, 65535},
            "MaxRecvDataSegmentLength", new long[] {512, 16777215},
            "MaxXmitDataSegmentLength", new long[] {512, 16777215});
    private static final Set<String> DIGESTS = Set.of("CRC32C", "None");
    private static final Set<String> AUTH_METHODS = Set.of("CHAP", "None", "SRP", "KRB5", "SPKM1", "SPKM2");

    private AttributeRules() {
    }

    /**
     * Checks writing {@code value} to attribute {@code name}; returns the value as the kernel
     * would show it afterwards.
     *
     * @param restore whether the write comes from a restore, which may bring back attribute
     *                files of other kernel versions
     */
    static String checkAttribute(Attributes attributes, String name, String value, boolean restore) {
        if (!attributes.isWritable(name) && !(restore && attributes.isKnown(name))) {
            if (attributes.isReadOnly(name)) {
                throw new InvalidValueException("Cannot set attribute " + name
                        + ": [Errno 13] Permission denied");
            }
            throw new InvalidValueException("Cannot find attribute: " + name);
        }
        String accepted = KernelDefaults.acceptAttributeValue(name, value);
        if (accepted == null) {
            throw new InvalidValueException("Cannot set attribute " + name + ": [Errno 22] Invalid argument");
        }
        return accepted;
    }

    static String check(Attributes attributes, String name, String value) {
        return checkAttribute(attributes, name, value, false);
    }

    /** Checks an iSCSI parameter ({@code param/} file) value; returns the stored value. */
    static String checkParameter(Attributes parameters, String name, String value, boolean restore) {
        if (!parameters.isWritable(name) && !(restore && parameters.isKnown(name))) {
            throw new InvalidValueException("Cannot find parameter: " + name);
        }
        String v = value.strip();
        if (!acceptParameter(name, v)) {
            throw new InvalidValueException("Cannot set parameter " + name + ": [Errno 22] Invalid argument");
        }
        return v;
    }

    private static boolean acceptParameter(String name, String v) {
        if (v.isEmpty() || v.length() > 255) {
            return false;
        }
        if (YES_NO.contains(name)) {
            return v.equals("Yes") || v.equals("No");
        }
        long[] range = RANGES.get(name);
        if (range != null) {
            if (!v.matches("[0-9]{1,10}")) {
                return false;
            }
            long n = Long.parseLong(v);
            return n >= range[0] && n <= range[1];
        }
        if (name.equals("HeaderDigest") || name.equals("DataDigest")) {
            return listOf(v, DIGESTS);
        }
        if (name.equals("AuthMethod")) {
            return listOf(v, AUTH_METHODS);
        }
        return true;
    }

    private static boolean listOf(String v, Set<String> allowed) {
        for (String item : v.split(",", -1)) {
            if (!allowed.contains(item)) {
                return false;
            }
        }
        return true;
    }

    /** rtslib {@code _set_auth_attr}: the value is stripped; "NULL" and over-long values refused. */
    static String checkAuth(String value) {
        String v = value == null ? "" : value.strip();
        if (v.equals("NULL")) {
            throw new InvalidValueException("'NULL' is not a permitted value");
        }
        if (v.length() > 255) {
            throw new InvalidValueException("Value longer than maximum length of 255");
        }
        return v;
    }
}
