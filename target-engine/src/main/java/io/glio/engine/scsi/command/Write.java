package io.glio.engine.scsi.command;

import io.glio.engine.scsi.CommandContext;
import io.glio.engine.scsi.OperationInfo;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.AbstractOperation;
import io.glio.engine.scsi.sense.ScsiException;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * WRITE(6/10/12/16) (SBC-3 5.32-5.35). FUA, or a disabled write cache, makes the store force the
 * data before GOOD. Data-out beyond what both the CDB and the expected length cover is not written.
 */
public final class Write extends AbstractOperation {


    private Write(OperationInfo info) {
        super(info);
    }

    public static Write write6() {
        return new Write(OperationInfo.write(0x0a, "WRITE(6)", 0x1f, 0xff, 0xff, 0xff, 0x00));
    }

    public static Write write10() {
        return new Write(OperationInfo.write("WRITE(10)", CdbUsage.block10(0x2a, 0xfa)));
    }

    public static Write write12() {
        return new Write(OperationInfo.write("WRITE(12)", CdbUsage.block12(0xaa, 0xfa)));
    }

    public static Write write16() {
        return new Write(OperationInfo.write("WRITE(16)", CdbUsage.block16(0x8a, 0xfa)));
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        BlockCdb b = BlockCdb.decode(ctx.cdb(), true);
        BlockChecks.check(ctx, b);
        long bytes = b.bytes(ctx.blockSize());
        ByteBuffer data = ctx.blockDataOut(bytes);
        if (!data.hasRemaining()) {
            return CompletableFuture.completedFuture(ScsiCompletion.good(0, bytes));
        }
        boolean force = BlockChecks.forcedToMedium(ctx, b);
        var store = ctx.store();
        return ctx.unit().rangeLocks().shared(b.lba(), b.blocks(),
                        () -> store.write(b.lba() * ctx.blockSize(), data, force))
                .thenApply(v -> ScsiCompletion.good(0, bytes));
    }
}
