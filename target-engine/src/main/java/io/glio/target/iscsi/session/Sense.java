package io.glio.target.iscsi.session;

/** The few fixed-format sense data (SPC-4 4.5.3) the transport itself reports. */
public final class Sense {

    static final int ILLEGAL_REQUEST = 0x05;
    static final int HARDWARE_ERROR = 0x04;
    static final int ABORTED_COMMAND = 0x0b;

    private Sense() {
    }

    /** Fixed-format sense data with the sense key and additional sense code/qualifier. */
    public static byte[] fixed(int key, int asc, int ascq) {
        byte[] s = new byte[18];
        s[0] = 0x70;
        s[2] = (byte) key;
        s[7] = 0x0a;
        s[12] = (byte) asc;
        s[13] = (byte) ascq;
        return s;
    }

    /** ILLEGAL REQUEST, INVALID FIELD IN COMMAND INFORMATION UNIT (LIO's EDTL mismatch answer). */
    static byte[] invalidFieldInCommandInformationUnit() {
        return fixed(ILLEGAL_REQUEST, 0x0e, 0x03);
    }

    /** HARDWARE ERROR, INTERNAL TARGET FAILURE. */
    static byte[] internalTargetFailure() {
        return fixed(HARDWARE_ERROR, 0x44, 0x00);
    }
}
