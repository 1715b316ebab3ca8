package io.glio.engine.scsi.command;

import io.glio.engine.scsi.AbstractOperation;
import io.glio.engine.scsi.Cdb;
import io.glio.engine.scsi.CommandContext;
import io.glio.engine.scsi.DeviceSettings;
import io.glio.engine.scsi.OperationInfo;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.sense.InvalidFieldInCdb;
import io.glio.engine.scsi.sense.ScsiException;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * WRITE ATOMIC(16) (SBC-4 5.48, atomic writes 4.29):
 * <pre>
 * byte 0      opcode 0x9c
 * byte 1      WRPROTECT (7..5) | DPO (4) | FUA (3) | reserved
 * bytes 2-9   LOGICAL BLOCK ADDRESS
 * bytes 10-11 ATOMIC BOUNDARY
 * bytes 12-13 TRANSFER LENGTH
 * byte 14     GROUP NUMBER (4..0)
 * byte 15     CONTROL
 * </pre>
 * Checked as WRITE(16) (WRPROTECT, DPO/FUA, range, MAXIMUM TRANSFER LENGTH), then against the
 * Block Limits VPD atomic fields (SBC-4 6.6.4, {@link DeviceSettings#maxAtomicTransferBlocks()}):
 * a length above MAXIMUM ATOMIC TRANSFER LENGTH or not a multiple of ATOMIC TRANSFER LENGTH
 * GRANULARITY, an LBA not a multiple of ATOMIC ALIGNMENT, or a non-zero ATOMIC BOUNDARY (the
 * boundary limits are 0: not supported) is INVALID FIELD IN CDB. The range is checked before the
 * length limits so a write past the end is LOGICAL BLOCK ADDRESS OUT OF RANGE whatever its size.
 * <p>
 * Atomic as SBC-4 4.29 asks of concurrent commands: the blocks are held exclusively
 * ({@link io.glio.engine.scsi.LbaRangeLocks}) while the whole data-out goes to the store in one
 * write, so no read sees part of it and no other write lands inside it. The data-out must be
 * exactly the CDB's blocks: a partial atomic write is no atomic write. Power-loss atomicity is
 * what the backing store gives one write (a ramdisk none needed; a file system's, gluster's).
 */
public final class WriteAtomic16 extends AbstractOperation {

    public WriteAtomic16() {
        super(OperationInfo.write(0x9c, "WRITE ATOMIC(16)", 0xf8, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                0xff, 0xff, 0x00, 0x00, 0xff, 0xff, 0x3f, 0x00));
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        byte[] cdb = ctx.cdb();
        BlockCdb b = new BlockCdb(Cdb.u64(cdb, 2), Cdb.u16(cdb, 12), Cdb.u8(cdb, 1));
        if (Cdb.u16(cdb, 10) != 0) {
            throw new InvalidFieldInCdb(10);
        }
        checkAtomic(ctx, b);
        long bytes = b.bytes(ctx.blockSize());
        ByteBuffer data = ctx.exactDataOut(bytes);
        if (bytes == 0) {
            return CommandContext.good();
        }
        boolean force = BlockChecks.forcedToMedium(ctx, b);
        long offset = b.lba() * ctx.blockSize();
        var store = ctx.store();
        return ctx.unit().rangeLocks().exclusive(b.lba(), b.blocks(), () -> store.write(offset, data, force))
                .thenApply(v -> ScsiCompletion.good(0, bytes));
    }

    private static void checkAtomic(CommandContext ctx, BlockCdb b) throws ScsiException {
        DeviceSettings s = ctx.settings();
        BlockChecks.checkFlags(ctx, b);
        ctx.checkRange(b.lba(), b.blocks());
        if (b.blocks() > s.maxTransferBlocks() || b.blocks() > s.maxAtomicTransferBlocks()
                || b.blocks() % s.atomicGranularity() != 0) {
            throw new InvalidFieldInCdb(12);
        }
        if (b.lba() % s.atomicAlignment() != 0) {
            throw new InvalidFieldInCdb(2);
        }
    }
}
