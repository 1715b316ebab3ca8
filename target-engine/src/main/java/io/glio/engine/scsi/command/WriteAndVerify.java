package io.glio.engine.scsi.command;

import io.glio.engine.scsi.CommandContext;
import io.glio.engine.scsi.OperationInfo;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.AbstractOperation;
import io.glio.engine.scsi.sense.InvalidFieldInCdb;
import io.glio.engine.scsi.sense.ScsiException;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * WRITE AND VERIFY(10/12/16) (SBC-3 5.36): a forced write; the store reports a failed write,
 * so the verify step needs no read-back (as LIO).
 */
public final class WriteAndVerify extends AbstractOperation {


    private WriteAndVerify(OperationInfo info) {
        super(info);
    }

    public static WriteAndVerify writeAndVerify10() {
        return new WriteAndVerify(OperationInfo.write("WRITE AND VERIFY(10)", CdbUsage.block10(0x2e, 0xf6)));
    }

    public static WriteAndVerify writeAndVerify12() {
        return new WriteAndVerify(OperationInfo.write("WRITE AND VERIFY(12)", CdbUsage.block12(0xae, 0xf6)));
    }

    public static WriteAndVerify writeAndVerify16() {
        return new WriteAndVerify(OperationInfo.write("WRITE AND VERIFY(16)", CdbUsage.block16(0x8e, 0xf6)));
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        BlockCdb b = BlockCdb.decode(ctx.cdb(), false);
        if (b.protect() != 0) {
            throw new InvalidFieldInCdb(1, 7);
        }
        ctx.checkRange(b.lba(), b.blocks());
        long bytes = b.bytes(ctx.blockSize());
        ByteBuffer data = ctx.blockDataOut(bytes);
        if (!data.hasRemaining()) {
            return CompletableFuture.completedFuture(ScsiCompletion.good(0, bytes));
        }
        var store = ctx.store();
        return ctx.unit().rangeLocks().shared(b.lba(), b.blocks(),
                        () -> store.write(b.lba() * ctx.blockSize(), data, true))
                .thenApply(v -> ScsiCompletion.good(0, bytes));
    }
}
