package io.glio.engine.iscsi.pdu;

/**
 * The 8-byte LUN field (SAM-5 4.7): peripheral device addressing for LUNs below 256, flat space
 * addressing up to 16383, as LIO encodes them ({@code int_to_scsilun}).
 */
public final class Lun {

    private Lun() {
    }

    /** The plain LUN number of a LUN field using peripheral or flat addressing. */
    public static long decode(long field) {
        int b0 = (int) (field >>> 56) & 0xff;
        int b1 = (int) (field >>> 48) & 0xff;
        return switch (b0 >>> 6) {
            case 0, 1 -> ((b0 & 0x3f) << 8) | b1;
            default -> field; // extended / logical unit addressing: no plain number; keep the raw field
        };
    }

    public static long encode(long lun) {
        if (lun < 256) {
            return lun << 48;
        }
        return (0x4000L | (lun & 0x3fff)) << 48;
    }
}
