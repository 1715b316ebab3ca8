package io.glio.engine.iscsi.session;

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

    /**
     * ABORTED COMMAND, PROTOCOL SERVICE CRC ERROR (47h/05h): the "protocol service CRC error"
     * iSCSI condition of RFC 7143 §11.4.7.2, for a task whose Data-Out was lost (§7.1.1).
     */
    static byte[] protocolServiceCrcError() {
        return fixed(ABORTED_COMMAND, 0x47, 0x05);
    }

    /** HARDWARE ERROR, INTERNAL TARGET FAILURE. */
    static byte[] internalTargetFailure() {
        return fixed(HARDWARE_ERROR, 0x44, 0x00);
    }
}
