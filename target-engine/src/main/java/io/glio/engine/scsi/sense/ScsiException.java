package io.glio.engine.scsi.sense;

/**
 * A SCSI condition that ends a command: CHECK CONDITION with sense key / ASC / ASCQ (SPC-4 4.5),
 * or another status ({@link ReservationConflict}). One subclass per condition; {@link SenseData}
 * turns any of them into the completion, in one place. Thrown on hot paths, so no stack trace.
 */
public abstract class ScsiException extends Exception {

    private final int senseKey;
    private final int asc;
    private final int ascq;

    protected ScsiException(int senseKey, int asc, int ascq, String message) {
        super(message, null, false, false);
        this.senseKey = senseKey;
        this.asc = asc;
        this.ascq = ascq;
    }

    public int senseKey() {
        return senseKey;
    }

    public int asc() {
        return asc;
    }

    public int ascq() {
        return ascq;
    }

    /** SCSI status (SAM-5 5.3); CHECK CONDITION unless the condition is a status of its own. */
    public int status() {
        return 0x02;
    }

    /** INFORMATION field (SPC-4 4.5.3), or -1 when not valid. */
    public long information() {
        return -1;
    }

    /** The three SENSE KEY SPECIFIC bytes with SKSV (SPC-4 4.5.2.4), or -1 when absent. */
    public int senseKeySpecific() {
        return -1;
    }
}
