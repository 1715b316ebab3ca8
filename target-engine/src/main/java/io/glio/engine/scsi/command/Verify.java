package io.glio.engine.scsi.command;

import io.glio.engine.scsi.CommandContext;
import io.glio.engine.scsi.OperationInfo;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.AbstractOperation;
import io.glio.engine.scsi.sense.InvalidFieldInCdb;
import io.glio.engine.scsi.sense.MiscompareDuringVerify;
import io.glio.engine.scsi.sense.ScsiException;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * VERIFY(10/12/16) (SBC-3 5.25). BYTCHK 00: range check only (the medium has no ECC to run);
 * 01: data-out of every block compared with the medium; 11: one block of data-out compared with
 * each block; MISCOMPARE carries the offset of the first differing byte. LIO does not compare;
 * libiscsi's Verify*.Mismatch expects it.
 */
public final class Verify extends AbstractOperation {


    private Verify(OperationInfo info) {
        super(info);
    }

    public static Verify verify10() {
        return new Verify(OperationInfo.read("VERIFY(10)", CdbUsage.block10(0x2f, 0xf6)));
    }

    public static Verify verify12() {
        return new Verify(OperationInfo.read("VERIFY(12)", CdbUsage.block12(0xaf, 0xf6)));
    }

    public static Verify verify16() {
        return new Verify(OperationInfo.read("VERIFY(16)", CdbUsage.block16(0x8f, 0xf6)));
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        BlockCdb b = BlockCdb.decode(ctx.cdb(), false);
        int bytchk = (b.flags() >>> 1) & 3;
        if (b.protect() != 0) {
            throw new InvalidFieldInCdb(1, 7);
        }
        if (bytchk == 2) {
            throw new InvalidFieldInCdb(1, 2);
        }
        ctx.checkRange(b.lba(), b.blocks());
        int bs = ctx.blockSize();
        long bytes = b.bytes(bs);
        if (bytchk == 0 || bytes == 0) {
            return CommandContext.good();
        }
        if (b.blocks() > ctx.settings().maxTransferBlocks()) {
            throw new InvalidFieldInCdb(7);
        }
        ByteBuffer expected = ctx.exactDataOut(bytchk == 1 ? bytes : bs);
        ByteBuffer medium = ByteBuffer.allocate((int) bytes);
        var store = ctx.store();
        return ctx.unit().rangeLocks().shared(b.lba(), b.blocks(), () -> store.read(b.lba() * bs, medium)).thenApply(v -> {
            medium.flip();
            for (long off = 0; off < bytes; off += expected.remaining()) {
                ByteBuffer chunk = medium.duplicate().position((int) off);
                long diff = Compare.firstDifference(chunk, expected);
                if (diff >= 0) {
                    throw new java.util.concurrent.CompletionException(new MiscompareDuringVerify(off + diff));
                }
            }
            return ScsiCompletion.good(0, bytchk == 1 ? bytes : bs);
        });
    }
}
