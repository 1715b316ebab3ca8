package io.glio.engine.scsi.sense;

/** ILLEGAL REQUEST / SAVING PARAMETERS NOT SUPPORTED (0x39/0x00). */
public final class SavingParametersNotSupported extends ScsiException {

    public SavingParametersNotSupported() {
        super(SenseKey.ILLEGAL_REQUEST, 0x39, 0x00, "SAVING PARAMETERS NOT SUPPORTED");
    }
}
