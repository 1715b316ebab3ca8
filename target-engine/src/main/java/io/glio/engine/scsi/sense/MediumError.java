package io.glio.engine.scsi.sense;

/** MEDIUM ERROR: UNRECOVERED READ ERROR (0x11/0x00) or WRITE ERROR (0x0c/0x00), as tcmu-runner reports EIO. */
public final class MediumError extends ScsiException {

    private MediumError(int asc, String message) {
        super(SenseKey.MEDIUM_ERROR, asc, 0x00, message);
    }

    public static MediumError read(String detail) {
        return new MediumError(0x11, "UNRECOVERED READ ERROR: " + detail);
    }

    public static MediumError write(String detail) {
        return new MediumError(0x0c, "WRITE ERROR: " + detail);
    }
}
