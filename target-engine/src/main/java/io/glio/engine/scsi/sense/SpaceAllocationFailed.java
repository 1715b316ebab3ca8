package io.glio.engine.scsi.sense;

/** DATA PROTECT / SPACE ALLOCATION FAILED WRITE PROTECT (0x27/0x07): the medium is full (ENOSPC). */
public final class SpaceAllocationFailed extends ScsiException {

    public SpaceAllocationFailed() {
        super(SenseKey.DATA_PROTECT, 0x27, 0x07, "SPACE ALLOCATION FAILED WRITE PROTECT");
    }
}
