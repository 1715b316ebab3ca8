package io.glio.engine.scsi.sense;

/** Status RESERVATION CONFLICT (0x18, SPC-4 5.9.1): no sense data. */
public final class ReservationConflict extends ScsiException {

    public ReservationConflict() {
        super(SenseKey.NO_SENSE, 0, 0, "RESERVATION CONFLICT");
    }

    @Override
    public int status() {
        return 0x18;
    }
}
