package io.glio.engine.scsi.command;

import io.glio.engine.scsi.CommandContext;
import io.glio.engine.scsi.OperationInfo;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.AbstractOperation;
import io.glio.engine.scsi.pr.AccessKind;
import io.glio.engine.scsi.sense.ScsiException;

import java.util.concurrent.CompletableFuture;

/**
 * SYNCHRONIZE CACHE(10/16) (SBC-3 5.22-5.23): range checked (0 blocks = to the end), then the
 * whole store is flushed. IMMED is accepted; the flush still completes before GOOD.
 */
public final class SynchronizeCache extends AbstractOperation {


    private SynchronizeCache(OperationInfo info) {
        super(info);
    }

    public static SynchronizeCache synchronizeCache10() {
        return new SynchronizeCache(OperationInfo.other(0x35, -1, "SYNCHRONIZE CACHE(10)", AccessKind.WRITE,
                0x06, 0xff, 0xff, 0xff, 0xff, 0x3f, 0xff, 0xff, 0x00).needingMedium(true));
    }

    public static SynchronizeCache synchronizeCache16() {
        return new SynchronizeCache(OperationInfo.other(0x91, -1, "SYNCHRONIZE CACHE(16)", AccessKind.WRITE,
                0x06, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x3f, 0x00)
                .needingMedium(true));
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        BlockCdb b = BlockCdb.decode(ctx.cdb(), false);
        ctx.checkRange(b.lba(), b.blocks());
        return ctx.store().flush().thenApply(v -> ScsiCompletion.good(0, 0));
    }
}
