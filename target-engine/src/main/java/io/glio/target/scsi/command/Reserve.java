package io.glio.target.scsi.command;

import io.glio.target.scsi.CommandContext;
import io.glio.target.scsi.OperationInfo;
import io.glio.target.scsi.ScsiCompletion;
import io.glio.target.scsi.AbstractOperation;
import io.glio.target.scsi.pr.AccessKind;
import io.glio.target.scsi.sense.InvalidFieldInCdb;
import io.glio.target.scsi.sense.ScsiException;

import java.util.concurrent.CompletableFuture;

/**
 * RESERVE(6/10) (SPC-2 7.21): the whole LU for this I_T nexus. Another nexus's reservation, or
 * persistent registrations of others, end in RESERVATION CONFLICT. Third-party and extent
 * reservations are not supported (INVALID FIELD IN CDB).
 */
public final class Reserve extends AbstractOperation {


    private Reserve(OperationInfo info) {
        super(info);
    }

    public static Reserve reserve6() {
        return new Reserve(OperationInfo.other(0x16, -1, "RESERVE(6)", AccessKind.PERSISTENT_RESERVATION,
                0, 0, 0, 0, 0));
    }

    public static Reserve reserve10() {
        return new Reserve(OperationInfo.other(0x56, -1, "RESERVE(10)", AccessKind.PERSISTENT_RESERVATION,
                0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        if ((ctx.cdb()[1] & 0x13) != 0) {
            throw new InvalidFieldInCdb(1, 4);
        }
        ctx.unit().reservations().reserve(ctx.nexusKey());
        return CommandContext.good();
    }
}
