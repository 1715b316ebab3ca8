package io.glio.engine.scsi.command;

import io.glio.engine.scsi.CommandContext;
import io.glio.engine.scsi.OperationInfo;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.AbstractOperation;
import io.glio.engine.scsi.sense.ScsiException;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * READ(6/10/12/16) (SBC-3 5.11-5.14). Reads straight into the transport's buffer; when the
 * expected length is shorter than the CDB's, only what fits is read and the transfer length
 * tells the transport the overflow residual.
 */
public final class Read extends AbstractOperation {


    private Read(OperationInfo info) {
        super(info);
    }

    public static Read read6() {
        return new Read(OperationInfo.read(0x08, "READ(6)", 0x1f, 0xff, 0xff, 0xff, 0x00));
    }

    public static Read read10() {
        return new Read(OperationInfo.read("READ(10)", CdbUsage.block10(0x28, 0xfa)));
    }

    public static Read read12() {
        return new Read(OperationInfo.read("READ(12)", CdbUsage.block12(0xa8, 0xfa)));
    }

    public static Read read16() {
        return new Read(OperationInfo.read("READ(16)", CdbUsage.block16(0x88, 0xfa)));
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        BlockCdb b = BlockCdb.decode(ctx.cdb(), true);
        BlockChecks.check(ctx, b);
        long bytes = b.bytes(ctx.blockSize());
        int n = (int) Math.min(bytes, ctx.dataInCapacity());
        if (n == 0) {
            return CompletableFuture.completedFuture(ScsiCompletion.good(0, bytes));
        }
        ByteBuffer dst = ctx.command().dataIn().duplicate();
        dst.clear().limit(n);
        var store = ctx.store();
        return ctx.unit().rangeLocks().shared(b.lba(), b.blocks(), () -> store.read(b.lba() * ctx.blockSize(), dst))
                .thenApply(v -> ScsiCompletion.good(n, bytes));
    }
}
