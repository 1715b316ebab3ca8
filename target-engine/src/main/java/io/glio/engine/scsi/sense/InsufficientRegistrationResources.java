package io.glio.engine.scsi.sense;

/** ILLEGAL REQUEST / INSUFFICIENT REGISTRATION RESOURCES (0x55/0x04). */
public final class InsufficientRegistrationResources extends ScsiException {

    public InsufficientRegistrationResources() {
        super(SenseKey.ILLEGAL_REQUEST, 0x55, 0x04, "INSUFFICIENT REGISTRATION RESOURCES");
    }
}
