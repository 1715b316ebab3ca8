package io.glio.engine.scsi.command;

import io.glio.engine.scsi.CommandContext;
import io.glio.engine.scsi.OperationInfo;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.AbstractOperation;
import io.glio.engine.scsi.sense.ScsiException;

import java.util.concurrent.CompletableFuture;

/**
 * PRE-FETCH(10/16) (SBC-3 5.9-5.10): range checked; the stores have no cache worth filling, so
 * the command ends GOOD ("the cache could not hold all of it"), which SBC-3 permits.
 */
public final class PreFetch extends AbstractOperation {


    private PreFetch(OperationInfo info) {
        super(info);
    }

    public static PreFetch preFetch10() {
        return new PreFetch(OperationInfo.read("PRE-FETCH(10)", CdbUsage.block10(0x34, 0x02)));
    }

    public static PreFetch preFetch16() {
        return new PreFetch(OperationInfo.read("PRE-FETCH(16)", CdbUsage.block16(0x90, 0x02)));
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        BlockCdb b = BlockCdb.decode(ctx.cdb(), false);
        ctx.checkRange(b.lba(), b.blocks());
        return CommandContext.good();
    }
}
