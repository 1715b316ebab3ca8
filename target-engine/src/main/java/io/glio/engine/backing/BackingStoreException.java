package io.glio.engine.backing;

import java.io.IOException;

/**
 * A backing store I/O failure with the condition the SCSI layer reports for it. The SCSI layer
 * maps {@link Condition} to sense data in one place.
 */
public class BackingStoreException extends IOException {

    /** What went wrong, in SCSI terms. */
    public enum Condition {
        /** Store not reachable now (gluster volume down): NOT READY / LOGICAL UNIT NOT ACCESSIBLE etc. */
        NOT_READY,
        /** EIO and friends: MEDIUM ERROR. */
        MEDIUM_ERROR,
        /** ENOSPC/EDQUOT: DATA PROTECT / SPACE ALLOCATION FAILED - WRITE PROTECT. */
        SPACE_ALLOCATION_FAILED,
        /** Read-only store or EROFS: DATA PROTECT / WRITE PROTECTED. */
        WRITE_PROTECTED,
        /** Operation not supported by this store. */
        UNSUPPORTED,
        /** Anything else: HARDWARE ERROR / INTERNAL TARGET FAILURE. */
        INTERNAL
    }

    private final Condition condition;

    public BackingStoreException(Condition condition, String message) {
        super(message);
        this.condition = condition;
    }

    public BackingStoreException(Condition condition, String message, Throwable cause) {
        super(message, cause);
        this.condition = condition;
    }

    public Condition condition() {
        return condition;
    }
}
