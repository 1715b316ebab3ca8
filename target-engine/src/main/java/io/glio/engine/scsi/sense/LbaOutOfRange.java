package io.glio.engine.scsi.sense;

/** ILLEGAL REQUEST / LOGICAL BLOCK ADDRESS OUT OF RANGE (0x21/0x00): the LBA range passes the capacity. */
public final class LbaOutOfRange extends ScsiException {

    public LbaOutOfRange() {
        super(SenseKey.ILLEGAL_REQUEST, 0x21, 0x00, "LOGICAL BLOCK ADDRESS OUT OF RANGE");
    }
}
