package io.glio.engine.scsi.command;

import io.glio.engine.scsi.Cdb;
import io.glio.engine.scsi.CommandContext;
import io.glio.engine.scsi.OperationInfo;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.AbstractOperation;
import io.glio.engine.scsi.sense.InvalidFieldInCdb;
import io.glio.engine.scsi.sense.InvalidOpcode;
import io.glio.engine.scsi.sense.MiscompareDuringVerify;
import io.glio.engine.scsi.sense.ScsiException;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * COMPARE AND WRITE (SBC-3 5.2): data-out = NoLB blocks to compare, then NoLB blocks to write.
 * Read, compare and write run under an exclusive lock of the NoLB blocks
 * ({@link io.glio.engine.scsi.LbaRangeLocks}), so no other command on them interleaves, and under
 * the store's lock of their bytes that other gateways exporting the medium take too
 * ({@link io.glio.engine.backing.BackingStore#underSharedRangeLock}: a gluster byte-range lock for
 * user:glfs), so two gateways' COMPARE AND WRITEs of one block never both succeed. NoLB
 * above the advertised maximum (1, VPD 0xB0) is INVALID FIELD IN CDB; NoLB 0 is GOOD with
 * nothing done.
 */
public final class CompareAndWrite extends AbstractOperation {

    static final int MAX_BLOCKS = 1;

    public CompareAndWrite() {
        super(OperationInfo.write(0x89, "COMPARE AND WRITE", 0xfa, 0xff, 0xff, 0xff, 0xff,
                0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0xff, 0x3f, 0x00));
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        byte[] cdb = ctx.cdb();
        if (!ctx.settings().caw()) {
            throw new InvalidOpcode();
        }
        long lba = Cdb.u64(cdb, 2);
        int blocks = Cdb.u8(cdb, 13);
        BlockCdb b = new BlockCdb(lba, blocks, Cdb.u8(cdb, 1));
        // A NUMBER OF LOGICAL BLOCKS of 0 with data sent is how an initiator's 256 arrives (the
        // field is one byte): as large as any count over the maximum, so the same error.
        if (blocks > MAX_BLOCKS || (blocks == 0 && ctx.dataOut().hasRemaining())) {
            throw new InvalidFieldInCdb(13);
        }
        BlockChecks.check(ctx, b);
        int bs = ctx.blockSize();
        int half = blocks * bs;
        ByteBuffer data = ctx.exactDataOut(2L * half);
        if (blocks == 0) {
            return CommandContext.good();
        }
        ByteBuffer compare = data.duplicate().limit(data.position() + half);
        ByteBuffer write = data.duplicate().position(data.position() + half);
        long offset = lba * bs;
        var store = ctx.store();
        boolean force = BlockChecks.forcedToMedium(ctx, b);
        return ctx.unit().rangeLocks().exclusive(lba, blocks, () -> store.underSharedRangeLock(offset, half, () -> {
            ByteBuffer medium = ByteBuffer.allocate(half);
            return store.read(offset, medium).thenCompose(v -> {
                medium.flip();
                long diff = Compare.firstDifference(medium, compare);
                if (diff >= 0) {
                    throw new CompletionException(new MiscompareDuringVerify(diff));
                }
                return store.write(offset, write, force);
            });
        })).thenApply(v -> ScsiCompletion.good(0, 2L * half));
    }
}
