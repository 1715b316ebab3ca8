package io.glio.engine.scsi.command;

import io.glio.engine.scsi.Cdb;
import io.glio.engine.scsi.CommandContext;
import io.glio.engine.scsi.OperationInfo;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.AbstractOperation;
import io.glio.engine.scsi.sense.InvalidFieldInCdb;
import io.glio.engine.scsi.sense.InvalidFieldInParameterList;
import io.glio.engine.scsi.sense.InvalidOpcode;
import io.glio.engine.scsi.sense.ParameterListLengthError;
import io.glio.engine.scsi.sense.ScsiException;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * UNMAP (SBC-3 5.28), available when {@code emulate_tpu=1} (else INVALID COMMAND OPERATION CODE,
 * as LIO). Parameter list:
 * <pre>
 *  0..1  UNMAP DATA LENGTH (n - 1)     2..3  BLOCK DESCRIPTOR DATA LENGTH
 *  8..   descriptors of 16 bytes: LBA (8), NUMBER OF LOGICAL BLOCKS (4), reserved (4)
 * </pre>
 * Every descriptor is checked before anything is unmapped.
 */
public final class Unmap extends AbstractOperation {

    public Unmap() {
        super(OperationInfo.write(0x42, "UNMAP", 0x01, 0x00, 0x00, 0x00, 0x00, 0x3f,
                0xff, 0xff, 0x00));
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        byte[] cdb = ctx.cdb();
        if (!ctx.settings().tpu()) {
            throw new InvalidOpcode();
        }
        if ((cdb[1] & 0x01) != 0) {
            throw new InvalidFieldInCdb(1, 0);
        }
        int paramLength = Cdb.u16(cdb, 7);
        if (paramLength == 0) {
            return CommandContext.good();
        }
        if (paramLength < 8) {
            throw new ParameterListLengthError();
        }
        ByteBuffer data = ctx.dataOut();
        byte[] p = new byte[Math.min(paramLength, data.remaining())];
        data.get(p);
        if (p.length < 8) {
            throw new ParameterListLengthError();
        }
        int descLength = Math.min(Cdb.u16(p, 2), p.length - 8) & ~0xf;
        int count = descLength / 16;
        long maxDescriptors = ctx.settings().maxUnmapBlockDescCount();
        if (maxDescriptors > 0 && count > maxDescriptors) {
            throw new InvalidFieldInParameterList(2);
        }
        long maxBlocks = ctx.settings().maxUnmapLbaCount();
        List<long[]> ranges = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int at = 8 + 16 * i;
            long lba = Cdb.u64(p, at);
            long blocks = Cdb.u32(p, at + 8);
            if (maxBlocks > 0 && blocks > maxBlocks) {
                throw new InvalidFieldInParameterList(at + 8);
            }
            ctx.checkRange(lba, blocks);
            if (blocks > 0) {
                ranges.add(new long[] {lba, blocks});
            }
        }
        int bs = ctx.blockSize();
        var store = ctx.store();
        CompletableFuture<?>[] all = ranges.stream()
                .map(r -> ctx.unit().rangeLocks().shared(r[0], r[1], () -> store.unmap(r[0] * bs, r[1] * bs)))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(all).thenApply(v -> ScsiCompletion.good(0, paramLength));
    }
}
