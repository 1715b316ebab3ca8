package io.glio.engine.iscsi.pdu;

/** Serial number arithmetic on 32-bit sequence numbers (RFC 1982, as RFC 7143 §4.2.2.1 requires). */
public final class SerialNumbers {

    private SerialNumbers() {
    }

    /** {@code a < b} in serial arithmetic. */
    public static boolean lessThan(int a, int b) {
        return a != b && (b - a) > 0;
    }

    /** {@code a <= b} in serial arithmetic. */
    public static boolean lessOrEqual(int a, int b) {
        return a == b || lessThan(a, b);
    }
}
