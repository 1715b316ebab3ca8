package io.glio.engine.scsi.command;

import io.glio.engine.scsi.AbstractOperation;
import io.glio.engine.scsi.CommandContext;
import io.glio.engine.scsi.OperationInfo;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.sense.ScsiException;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * ORWRITE(16) (SBC-3 5.10, SBC-4 5.12): every byte of the blocks becomes medium OR data-out.
 * <pre>
 * byte 0     opcode 0x8b
 * byte 1     ORPROTECT (7..5) | DPO (4) | FUA (3) | reserved
 * bytes 2-9  LOGICAL BLOCK ADDRESS
 * bytes 10-13 TRANSFER LENGTH
 * byte 14    GROUP NUMBER (4..0)
 * byte 15    CONTROL
 * </pre>
 * The CDB goes through the same checks as WRITE(16) (ORPROTECT without protection information,
 * DPO/FUA against DPOFUA, MAXIMUM TRANSFER LENGTH, range). Read, OR and write run under an
 * exclusive lock of the blocks ({@link io.glio.engine.scsi.LbaRangeLocks}), so the operation is
 * atomic as SBC-3 requires: no other command sees or writes the blocks in between. As for
 * WRITE, only the whole blocks both the CDB and the data-out cover are changed. FUA or a
 * disabled write cache forces the result to the medium before GOOD.
 */
public final class OrWrite extends AbstractOperation {

    public OrWrite() {
        super(OperationInfo.write("ORWRITE(16)", CdbUsage.block16(0x8b, 0xf8)));
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        BlockCdb b = BlockCdb.decode(ctx.cdb(), false);
        BlockChecks.check(ctx, b);
        long bytes = b.bytes(ctx.blockSize());
        ByteBuffer data = ctx.blockDataOut(bytes);
        if (!data.hasRemaining()) {
            return CompletableFuture.completedFuture(ScsiCompletion.good(0, bytes));
        }
        long offset = b.lba() * ctx.blockSize();
        long blocks = data.remaining() / ctx.blockSize();
        boolean force = BlockChecks.forcedToMedium(ctx, b);
        var store = ctx.store();
        return ctx.unit().rangeLocks().exclusive(b.lba(), blocks, () -> {
            ByteBuffer medium = ByteBuffer.allocate(data.remaining());
            return store.read(offset, medium).thenCompose(v -> {
                medium.flip();
                or(medium, data);
                return store.write(offset, medium, force);
            });
        }).thenApply(v -> ScsiCompletion.good(0, bytes));
    }

    /** {@code into[i] |= with[i]} over {@code into}'s remaining bytes; neither buffer's position moves. */
    static void or(ByteBuffer into, ByteBuffer with) {
        int n = into.remaining();
        int i = 0;
        int at = into.position();
        int from = with.position();
        for (; i + Long.BYTES <= n; i += Long.BYTES) {
            into.putLong(at + i, into.getLong(at + i) | with.getLong(from + i));
        }
        for (; i < n; i++) {
            into.put(at + i, (byte) (into.get(at + i) | with.get(from + i)));
        }
    }
}
