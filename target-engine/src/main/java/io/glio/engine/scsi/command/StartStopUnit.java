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
 * START STOP UNIT (SBC-3 5.20). The medium is not removable (RMB=0) and never stops, so power
 * conditions and START are accepted as no-ops; LOEJ (load/eject) is INVALID FIELD IN CDB.
 */
public final class StartStopUnit extends AbstractOperation {

    public StartStopUnit() {
        super(OperationInfo.other(0x1b, -1, "START STOP UNIT", AccessKind.WRITE,
                0x01, 0x00, 0x0f, 0xf7, 0x00));
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        byte[] cdb = ctx.cdb();
        int powerCondition = (cdb[4] >>> 4) & 0x0f;
        if (powerCondition == 0 && (cdb[4] & 0x02) != 0) {
            throw new InvalidFieldInCdb(4, 1);
        }
        return CommandContext.good();
    }
}
