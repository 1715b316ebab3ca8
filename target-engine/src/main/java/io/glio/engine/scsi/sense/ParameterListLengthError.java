package io.glio.engine.scsi.sense;

/** ILLEGAL REQUEST / PARAMETER LIST LENGTH ERROR (0x1a/0x00). */
public final class ParameterListLengthError extends ScsiException {

    public ParameterListLengthError() {
        super(SenseKey.ILLEGAL_REQUEST, 0x1a, 0x00, "PARAMETER LIST LENGTH ERROR");
    }
}
