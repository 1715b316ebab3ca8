package io.glio.engine.scsi.sense;

/** ILLEGAL REQUEST / INVALID FIELD IN PARAMETER LIST (0x26/0x00), field pointer with C/D=0. */
public final class InvalidFieldInParameterList extends ScsiException {

    private final int byteIndex;

    public InvalidFieldInParameterList(int byteIndex) {
        super(SenseKey.ILLEGAL_REQUEST, 0x26, 0x00, "INVALID FIELD IN PARAMETER LIST at byte " + byteIndex);
        this.byteIndex = byteIndex;
    }

    public int byteIndex() {
        return byteIndex;
    }

    @Override
    public int senseKeySpecific() {
        return (0x80 << 16) | (byteIndex & 0xffff);
    }
}
