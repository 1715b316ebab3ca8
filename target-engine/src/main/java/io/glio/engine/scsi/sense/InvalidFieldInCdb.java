package io.glio.engine.scsi.sense;

/**
 * ILLEGAL REQUEST / INVALID FIELD IN CDB (0x24/0x00) with the field pointer (SPC-4 4.5.2.4.2:
 * SKSV, C/D=1, BPV, bit pointer, byte).
 */
public final class InvalidFieldInCdb extends ScsiException {

    private final int byteIndex;
    private final int bit;

    /** @param bit the bit of the offending field's most significant bit, or -1 for the whole byte */
    public InvalidFieldInCdb(int byteIndex, int bit) {
        super(SenseKey.ILLEGAL_REQUEST, 0x24, 0x00, "INVALID FIELD IN CDB at byte " + byteIndex
                + (bit >= 0 ? " bit " + bit : ""));
        this.byteIndex = byteIndex;
        this.bit = bit;
    }

    public InvalidFieldInCdb(int byteIndex) {
        this(byteIndex, -1);
    }

    public int byteIndex() {
        return byteIndex;
    }

    public int bit() {
        return bit;
    }

    @Override
    public int senseKeySpecific() {
        int b0 = 0x80 | 0x40 | (bit >= 0 ? 0x08 | (bit & 7) : 0);
        return (b0 << 16) | (byteIndex & 0xffff);
    }
}
