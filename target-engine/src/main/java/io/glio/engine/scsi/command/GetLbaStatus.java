package io.glio.engine.scsi.command;

import io.glio.engine.scsi.Cdb;
import io.glio.engine.scsi.CommandContext;
import io.glio.engine.scsi.OperationInfo;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.AbstractOperation;
import io.glio.engine.scsi.sense.LbaOutOfRange;
import io.glio.engine.scsi.sense.ScsiException;

import java.util.concurrent.CompletableFuture;

/**
 * GET LBA STATUS (SERVICE ACTION IN(16) 0x12, SBC-3 5.6): one descriptor from the starting LBA
 * to the end of the run of blocks in the same state, as the store reports it
 * ({@link io.glio.engine.backing.BackingStore#allocation}): 0 mapped, 1 deallocated.
 * <pre>
 *  0..3 PARAMETER DATA LENGTH (4 + 16 per descriptor)   4..7 reserved
 *  8..15 LBA   16..19 NUMBER OF LOGICAL BLOCKS   20 PROVISIONING STATUS
 * </pre>
 */
public final class GetLbaStatus extends AbstractOperation {

    public GetLbaStatus() {
        super(OperationInfo.read(0x9e, "GET LBA STATUS", 0x1f, 0xff, 0xff, 0xff, 0xff,
                0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00).withServiceAction(0x12));
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        byte[] cdb = ctx.cdb();
        long lba = Cdb.u64(cdb, 2);
        long allocation = Cdb.u32(cdb, 10);
        long capacity = ctx.capacityBlocks();
        if (Long.compareUnsigned(lba, capacity) >= 0) { // LBAs are unsigned: 2^63 and -1 are far beyond the end
            throw new LbaOutOfRange();
        }
        int bs = ctx.blockSize();
        long maxBlocks = Math.min(capacity - lba, 0xffffffffL);
        return ctx.store().allocation(lba * bs, maxBlocks * bs).thenCompose(extent -> {
            byte[] d = new byte[24];
            Cdb.put32(d, 0, 20);
            Cdb.put64(d, 8, lba);
            Cdb.put32(d, 16, Math.max(1, extent.length() / bs));
            d[20] = (byte) (extent.mapped() ? 0 : 1);
            return ctx.dataIn(d, d.length, allocation);
        });
    }
}
