package io.glio.engine.scsi.command;

import io.glio.engine.scsi.Cdb;
import io.glio.engine.scsi.CommandContext;
import io.glio.engine.scsi.OperationInfo;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.AbstractOperation;
import io.glio.engine.scsi.sense.InvalidFieldInCdb;
import io.glio.engine.scsi.sense.LogicalUnitNotSupported;
import io.glio.engine.scsi.sense.NotReady;
import io.glio.engine.scsi.sense.ScsiException;
import io.glio.engine.scsi.sense.SenseData;
import io.glio.engine.scsi.sense.SenseKey;
import io.glio.engine.scsi.sense.UnitAttention;

import java.util.concurrent.CompletableFuture;

/**
 * REQUEST SENSE (SPC-4 6.39): returns and clears the oldest unit attention of this nexus, else
 * NOT READY while the store is not ready, else NO SENSE; on an unmapped LUN, LOGICAL UNIT NOT SUPPORTED as data. DESC=1 is refused (fixed
 * format only, D_SENSE=0), as LIO.
 */
public final class RequestSense extends AbstractOperation {

    public RequestSense() {
        super(OperationInfo.other(0x03, -1, "REQUEST SENSE", null, 0x01, 0, 0, 0xff, 0)
                .unitlessOperation());
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        byte[] cdb = ctx.cdb();
        if ((cdb[1] & 0x01) != 0) {
            throw new InvalidFieldInCdb(1, 0);
        }
        byte[] sense;
        if (ctx.unit() == null) {
            sense = SenseData.fixed(new LogicalUnitNotSupported());
        } else {
            UnitAttention ua = ctx.unit().unitAttentions().take(ctx.nexusKey());
            if (ua != null) {
                sense = SenseData.fixed(ua);
            } else if (!ctx.unit().ready()) {
                sense = SenseData.fixed(NotReady.storeNotAccessible()); // SPC-4 6.39: the condition TUR would report
            } else {
                sense = SenseData.fixed(SenseKey.NO_SENSE, 0, 0, -1, -1);
            }
        }
        return ctx.dataIn(sense, sense.length, Cdb.u8(cdb, 4));
    }
}
