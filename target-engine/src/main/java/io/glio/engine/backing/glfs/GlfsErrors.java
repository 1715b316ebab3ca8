package io.glio.engine.backing.glfs;

import io.glio.gfapi.GlfsException;
import io.glio.engine.backing.BackingStoreException;
import io.glio.engine.backing.BackingStoreException.Condition;
import java.util.Set;

/** What a gfapi errno means for a SCSI command, in one place. */
final class GlfsErrors {

    /**
     * Errnos that mean the volume (a brick or glusterd) is out of reach rather than the request
     * being wrong: the store goes not-ready and reconnects. EBADFD is what gfapi returns for an
     * fd whose volume graph went away.
     */
    private static final Set<String> CONNECTION_LOSS = Set.of("ENOTCONN", "ETIMEDOUT", "ESHUTDOWN",
            "ECONNREFUSED", "ECONNRESET", "ECONNABORTED", "EHOSTDOWN", "EHOSTUNREACH", "ENETUNREACH", "EBADFD");

    private GlfsErrors() {
    }

    static boolean isConnectionLoss(GlfsException e) {
        return CONNECTION_LOSS.contains(e.errnoName());
    }

    static Condition condition(GlfsException e) {
        if (isConnectionLoss(e)) {
            return Condition.NOT_READY;
        }
        return switch (e.errnoName()) {
            case "ENOSPC", "EDQUOT" -> Condition.SPACE_ALLOCATION_FAILED;
            case "EIO", "ENODATA" -> Condition.MEDIUM_ERROR;
            case "EROFS" -> Condition.WRITE_PROTECTED;
            case "EOPNOTSUPP", "ENOSYS" -> Condition.UNSUPPORTED;
            default -> Condition.INTERNAL;
        };
    }

    static BackingStoreException toBackingStoreException(GlfsException e) {
        return new BackingStoreException(condition(e), e.getMessage(), e);
    }
}
