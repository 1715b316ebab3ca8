package io.glio.engine.scsi.command;

import io.glio.engine.scsi.Cdb;
import io.glio.engine.scsi.CommandContext;
import io.glio.engine.scsi.OperationInfo;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.AbstractOperation;
import io.glio.engine.scsi.pr.AccessKind;
import io.glio.engine.scsi.sense.ScsiException;

import java.util.concurrent.CompletableFuture;

/**
 * READ CAPACITY(16) (SERVICE ACTION IN(16) 0x10, SBC-3 5.16), 32 bytes:
 * <pre>
 *  0..7 last LBA   8..11 block length   12 P_TYPE/PROT_EN = 0   13 LBPPBE = 0
 *  14   LBPME 0x80 (emulate_tpu or emulate_tpws), LBPRZ 0x40 (unmapped blocks read zero)
 * </pre>
 */
public final class ReadCapacity16 extends AbstractOperation {

    public ReadCapacity16() {
        super(OperationInfo.other(0x9e, 0x10, "READ CAPACITY(16)", AccessKind.OTHER,
                0x1f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00)
                .needingMedium(true));
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        long allocation = Cdb.u32(ctx.cdb(), 10);
        byte[] d = new byte[32];
        Cdb.put64(d, 0, ctx.capacityBlocks() - 1);
        Cdb.put32(d, 8, ctx.blockSize());
        if (ctx.settings().thinProvisioned()) {
            // every store here reads zeroes from unmapped blocks, whatever unmap_zeroes_data says
            d[14] = (byte) 0xc0;
        }
        return ctx.dataIn(d, d.length, allocation);
    }
}
