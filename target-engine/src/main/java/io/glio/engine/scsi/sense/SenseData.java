package io.glio.engine.scsi.sense;

import io.glio.engine.backing.BackingStoreException;
import io.glio.engine.scsi.ScsiCompletion;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place where conditions become wire bytes: fixed-format sense data (SPC-4 4.5.3) and
 * the mapping of backing-store failures to conditions.
 *
 * <pre>
 *  byte 0   0x70 current error (|0x80 VALID when INFORMATION is set)
 *  byte 2   sense key
 *  3..6     INFORMATION (big endian)
 *  byte 7   additional sense length = 10
 *  12, 13   ASC, ASCQ
 *  15..17   sense key specific (SKSV in bit 7 of byte 15)
 * </pre>
 */
public final class SenseData {

    public static final int FIXED_LENGTH = 18;

    private SenseData() {
    }

    public static byte[] fixed(int senseKey, int asc, int ascq, long information, int senseKeySpecific) {
        byte[] s = new byte[FIXED_LENGTH];
        s[0] = 0x70;
        s[2] = (byte) (senseKey & 0x0f);
        if (information >= 0) {
            s[0] |= (byte) 0x80;
            s[3] = (byte) (information >>> 24);
            s[4] = (byte) (information >>> 16);
            s[5] = (byte) (information >>> 8);
            s[6] = (byte) information;
        }
        s[7] = 10;
        s[12] = (byte) asc;
        s[13] = (byte) ascq;
        if (senseKeySpecific >= 0) {
            s[15] = (byte) (senseKeySpecific >>> 16);
            s[16] = (byte) (senseKeySpecific >>> 8);
            s[17] = (byte) senseKeySpecific;
        }
        return s;
    }

    public static byte[] fixed(ScsiException e) {
        return fixed(e.senseKey(), e.asc(), e.ascq(), e.information(), e.senseKeySpecific());
    }

    /** The completion a condition ends a command with. */
    public static ScsiCompletion completion(ScsiException e) {
        if (e.status() != ScsiCompletion.CHECK_CONDITION) {
            return ScsiCompletion.status(e.status());
        }
        return ScsiCompletion.checkCondition(fixed(e));
    }

    /**
     * Any failure of a command's future as a condition: SCSI conditions stay, backing-store
     * failures map by {@link BackingStoreException.Condition}, anything else is an internal
     * target failure.
     */
    public static ScsiException condition(Throwable failure, boolean writing) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ScsiException s) {
            return s;
        }
        if (t instanceof BackingStoreException b) {
            return switch (b.condition()) {
                case NOT_READY -> NotReady.storeNotAccessible();
                case MEDIUM_ERROR -> writing ? MediumError.write(b.getMessage()) : MediumError.read(b.getMessage());
                case SPACE_ALLOCATION_FAILED -> new SpaceAllocationFailed();
                case WRITE_PROTECTED -> new WriteProtected();
                case UNSUPPORTED -> new InvalidOpcode();
                case INTERNAL -> new InternalTargetFailure();
            };
        }
        return new InternalTargetFailure();
    }
}
