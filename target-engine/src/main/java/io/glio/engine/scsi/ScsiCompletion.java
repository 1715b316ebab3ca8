package io.glio.engine.scsi;

/**
 * The outcome of one SCSI command.
 *
 * @param status         SCSI status byte (SAM-5 5.3): 0x00 GOOD, 0x02 CHECK CONDITION, 0x08 BUSY,
 *                       0x18 RESERVATION CONFLICT, 0x28 TASK SET FULL, 0x40 TASK ABORTED
 * @param senseData      fixed-format sense data (SPC-4 4.5.3) when status is CHECK CONDITION, else empty
 * @param dataInLength   bytes written into the command's dataIn buffer
 * @param transferLength bytes the CDB asked to move (in either direction); the transport compares it
 *                       with the expected data transfer length to report residual over/underflow
 */
public record ScsiCompletion(int status, byte[] senseData, int dataInLength, long transferLength) {
    public static final int GOOD = 0x00;
    public static final int CHECK_CONDITION = 0x02;
    public static final int BUSY = 0x08;
    public static final int RESERVATION_CONFLICT = 0x18;
    public static final int TASK_SET_FULL = 0x28;
    public static final int TASK_ABORTED = 0x40;

    private static final byte[] NO_SENSE = new byte[0];

    public static ScsiCompletion good(int dataInLength, long transferLength) {
        return new ScsiCompletion(GOOD, NO_SENSE, dataInLength, transferLength);
    }

    public static ScsiCompletion status(int status) {
        return new ScsiCompletion(status, NO_SENSE, 0, 0);
    }

    public static ScsiCompletion checkCondition(byte[] senseData) {
        return new ScsiCompletion(CHECK_CONDITION, senseData, 0, 0);
    }
}
