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
 * PREVENT ALLOW MEDIUM REMOVAL (SBC-3 5.8): the medium cannot be removed at all (RMB=0), so
 * PREVENT 00b/01b are accepted as no-ops; the obsolete changer values are invalid.
 */
public final class PreventAllowMediumRemoval extends AbstractOperation {

    public PreventAllowMediumRemoval() {
        super(OperationInfo.other(0x1e, -1, "PREVENT ALLOW MEDIUM REMOVAL",
                AccessKind.WRITE, 0x00, 0x00, 0x00, 0x03, 0x00));
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        if ((ctx.cdb()[4] & 0x02) != 0) {
            throw new InvalidFieldInCdb(4, 1);
        }
        return CommandContext.good();
    }
}
