package io.glio.engine.scsi.sense;

/** HARDWARE ERROR / INTERNAL TARGET FAILURE (0x44/0x00). */
public final class InternalTargetFailure extends ScsiException {

    public InternalTargetFailure() {
        super(SenseKey.HARDWARE_ERROR, 0x44, 0x00, "INTERNAL TARGET FAILURE");
    }
}
