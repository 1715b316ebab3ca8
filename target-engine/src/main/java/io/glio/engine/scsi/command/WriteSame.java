package io.glio.engine.scsi.command;

import io.glio.engine.backing.BackingStore;
import io.glio.engine.scsi.Cdb;
import io.glio.engine.scsi.CommandContext;
import io.glio.engine.scsi.OperationInfo;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.AbstractOperation;
import io.glio.engine.scsi.sense.InvalidFieldInCdb;
import io.glio.engine.scsi.sense.ScsiException;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * WRITE SAME(10/16) (SBC-3 5.41-5.42): one block of data-out repeated over the range. With the
 * UNMAP bit (needs {@code emulate_tpws}) and an all-zero block the range is unmapped; an all-zero
 * block alone becomes a zero write. LIO's checks: NUMBER OF LOGICAL BLOCKS 0 is invalid (WSNZ=1),
 * above {@code max_write_same_len} (when set) invalid, ANCHOR/PBDATA/LBDATA invalid.
 */
public final class WriteSame extends AbstractOperation {

    private static final int ANCHOR = 0x10;
    private static final int UNMAP = 0x08;
    private static final int PBDATA_LBDATA = 0x06;
    private static final int NDOB = 0x01;
    private static final int CHUNK = 1 << 20;

    private final int lengthOffset;

    private WriteSame(OperationInfo info, int lengthOffset) {
        super(info);
        this.lengthOffset = lengthOffset;
    }

    public static WriteSame writeSame10() {
        return new WriteSame(OperationInfo.write("WRITE SAME(10)", CdbUsage.block10(0x41, 0xf8)), 7);
    }

    public static WriteSame writeSame16() {
        return new WriteSame(OperationInfo.write("WRITE SAME(16)", CdbUsage.block16(0x93, 0xf9)), 10);
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        BlockCdb b = BlockCdb.decode(ctx.cdb(), false);
        int flags = b.flags();
        if (b.protect() != 0) {
            throw new InvalidFieldInCdb(1, 7);
        }
        if ((flags & ANCHOR) != 0) {
            throw new InvalidFieldInCdb(1, 4);
        }
        if ((flags & PBDATA_LBDATA) != 0) {
            throw new InvalidFieldInCdb(1, 2);
        }
        boolean unmap = (flags & UNMAP) != 0;
        if (unmap && !ctx.settings().tpws()) {
            throw new InvalidFieldInCdb(1, 3);
        }
        long max = ctx.settings().maxWriteSameLen();
        if (b.blocks() == 0 || (max > 0 && b.blocks() > max)) {
            throw new InvalidFieldInCdb(lengthOffset);
        }
        ctx.checkRange(b.lba(), b.blocks());
        int bs = ctx.blockSize();
        // NDOB (WRITE SAME(16) byte 1 bit 0, SBC-4): no data-out, the block is all zeroes
        boolean noDataOut = lengthOffset == 10 && (flags & NDOB) != 0;
        ByteBuffer block = ctx.exactDataOut(noDataOut ? 0 : bs);
        if (noDataOut) {
            block = ByteBuffer.wrap(new byte[bs]);
        }
        long offset = b.lba() * bs;
        long length = b.bytes(bs);
        BackingStore store = ctx.store();
        boolean zero = isZero(block);
        boolean force = !ctx.settings().writeCache();
        ByteBuffer pattern = block;
        return ctx.unit().rangeLocks().shared(b.lba(), b.blocks(), () -> {
            if (zero && unmap) {
                return store.unmap(offset, length);
            } else if (zero) {
                return store.writeZeroes(offset, length);
            }
            return writePattern(store, pattern, offset, length, force);
        }).thenApply(v -> ScsiCompletion.good(0, noDataOut ? 0 : bs));
    }

    private static boolean isZero(ByteBuffer block) {
        for (int i = block.position(); i < block.limit(); i++) {
            if (block.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Writes the pattern in chunks of up to 1 MiB, one chunk after the other. */
    private static CompletableFuture<Void> writePattern(BackingStore store, ByteBuffer block, long offset,
                                                        long length, boolean force) {
        int bs = block.remaining();
        int perChunk = (int) Math.min(length, Math.max(bs, CHUNK / bs * bs));
        ByteBuffer pattern = ByteBuffer.allocate(perChunk);
        while (pattern.hasRemaining()) {
            pattern.put(block.duplicate());
        }
        pattern.flip();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (long done = 0; done < length; done += perChunk) {
            long at = offset + done;
            int n = (int) Math.min(perChunk, length - done);
            chain = chain.thenCompose(v -> store.write(at, pattern.duplicate().limit(n), force));
        }
        return chain;
    }

}
