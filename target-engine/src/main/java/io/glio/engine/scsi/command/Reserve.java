package io.glio.engine.scsi.command;

import io.glio.engine.scsi.CommandContext;
import io.glio.engine.scsi.OperationInfo;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.AbstractOperation;
import io.glio.engine.scsi.pr.AccessKind;
import io.glio.engine.scsi.sense.InvalidFieldInCdb;
import io.glio.engine.scsi.sense.ScsiException;

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
