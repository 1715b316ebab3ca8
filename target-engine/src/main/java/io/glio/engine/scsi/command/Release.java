package io.glio.engine.scsi.command;

import io.glio.engine.scsi.CommandContext;
import io.glio.engine.scsi.OperationInfo;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.AbstractOperation;
import io.glio.engine.scsi.pr.AccessKind;
import io.glio.engine.scsi.sense.InvalidFieldInCdb;
import io.glio.engine.scsi.sense.ScsiException;

import java.util.concurrent.CompletableFuture;

/** RELEASE(6/10) (SPC-2 7.17): releases this nexus's reservation; from any other nexus a GOOD no-op. */
public final class Release extends AbstractOperation {


    private Release(OperationInfo info) {
        super(info);
    }

    public static Release release6() {
        return new Release(OperationInfo.other(0x17, -1, "RELEASE(6)", AccessKind.ALWAYS, 0, 0, 0, 0, 0));
    }

    public static Release release10() {
        return new Release(OperationInfo.other(0x57, -1, "RELEASE(10)", AccessKind.ALWAYS,
                0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        if ((ctx.cdb()[1] & 0x13) != 0) {
            throw new InvalidFieldInCdb(1, 4);
        }
        ctx.unit().reservations().release(ctx.nexusKey());
        return CommandContext.good();
    }
}
