package io.glio.engine.nbd;

import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.sense.SenseKey;

/**
 * The one place a SCSI outcome becomes an NBD error (proto.md "Error values"): DATA PROTECT
 * (write protected LUN or store) and RESERVATION CONFLICT are EPERM, SPACE ALLOCATION FAILED and
 * a write past the end ENOSPC, other ILLEGAL REQUESTs EINVAL; NOT READY (a volume down), medium
 * and hardware errors and aborted tasks EIO.
 */
final class NbdErrors {

    private static final int ASC_LBA_OUT_OF_RANGE = 0x21;
    private static final int ASC_SPACE_ALLOCATION = 0x27;
    private static final int ASCQ_SPACE_ALLOCATION_FAILED = 0x07;

    private NbdErrors() {
    }

    /** 0 for GOOD, else the NBD error of {@code c} for a request that {@code writes} or not. */
    static int of(ScsiCompletion c, boolean writes) {
        return switch (c.status()) {
            case ScsiCompletion.GOOD -> 0;
            case ScsiCompletion.RESERVATION_CONFLICT -> Nbd.EPERM;
            case ScsiCompletion.CHECK_CONDITION -> ofSense(c.senseData(), writes);
            default -> Nbd.EIO;
        };
    }

    private static int ofSense(byte[] sense, boolean writes) {
        if (sense.length < 14) {
            return Nbd.EIO;
        }
        int asc = sense[12] & 0xff;
        return switch (sense[2] & 0x0f) {
            case SenseKey.DATA_PROTECT -> asc == ASC_SPACE_ALLOCATION && (sense[13] & 0xff)
                    == ASCQ_SPACE_ALLOCATION_FAILED ? Nbd.ENOSPC : Nbd.EPERM;
            case SenseKey.ILLEGAL_REQUEST -> asc == ASC_LBA_OUT_OF_RANGE && writes ? Nbd.ENOSPC : Nbd.EINVAL;
            default -> Nbd.EIO;
        };
    }

    /** What a structured error reply says: the SCSI status and sense, for the client's log. */
    static String describe(ScsiCompletion c) {
        byte[] s = c.senseData();
        if (c.status() != ScsiCompletion.CHECK_CONDITION || s.length < 14) {
            return "SCSI status 0x" + Integer.toHexString(c.status());
        }
        return String.format("SCSI sense key 0x%x asc 0x%02x ascq 0x%02x", s[2] & 0x0f, s[12] & 0xff, s[13] & 0xff);
    }
}
