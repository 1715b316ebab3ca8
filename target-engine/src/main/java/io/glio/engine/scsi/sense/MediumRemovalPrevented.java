package io.glio.engine.scsi.sense;

/** ILLEGAL REQUEST / MEDIUM REMOVAL PREVENTED (0x53/0x02). */
public final class MediumRemovalPrevented extends ScsiException {

    public MediumRemovalPrevented() {
        super(SenseKey.ILLEGAL_REQUEST, 0x53, 0x02, "MEDIUM REMOVAL PREVENTED");
    }
}
