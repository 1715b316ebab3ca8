package io.glio.engine.scsi.sense;

/** ILLEGAL REQUEST / INVALID RELEASE OF PERSISTENT RESERVATION (0x26/0x04, SPC-4 5.9.11.2). */
public final class InvalidReleaseOfPersistentReservation extends ScsiException {

    public InvalidReleaseOfPersistentReservation() {
        super(SenseKey.ILLEGAL_REQUEST, 0x26, 0x04, "INVALID RELEASE OF PERSISTENT RESERVATION");
    }
}
