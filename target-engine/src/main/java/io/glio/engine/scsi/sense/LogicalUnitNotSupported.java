package io.glio.engine.scsi.sense;

/** ILLEGAL REQUEST / LOGICAL UNIT NOT SUPPORTED (0x25/0x00): the LUN is not mapped for this nexus. */
public final class LogicalUnitNotSupported extends ScsiException {

    public LogicalUnitNotSupported() {
        super(SenseKey.ILLEGAL_REQUEST, 0x25, 0x00, "LOGICAL UNIT NOT SUPPORTED");
    }
}
