package io.glio.engine.scsi.command;

import io.glio.engine.scsi.Cdb;
import io.glio.engine.scsi.CommandContext;
import io.glio.engine.scsi.OperationInfo;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.AbstractOperation;
import io.glio.engine.scsi.pr.AccessKind;
import io.glio.engine.scsi.sense.InvalidFieldInCdb;
import io.glio.engine.scsi.sense.ScsiException;

import java.util.concurrent.CompletableFuture;

/**
 * READ CAPACITY(10) (SBC-3 5.15): last LBA (0xffffffff when it does not fit: use the 16-byte
 * form) and block length. PMI=0 with a non-zero LBA is INVALID FIELD IN CDB.
 */
public final class ReadCapacity10 extends AbstractOperation {

    public ReadCapacity10() {
        super(OperationInfo.other(0x25, -1, "READ CAPACITY(10)", AccessKind.OTHER,
                0x00, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x01, 0x00).needingMedium(true));
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        byte[] cdb = ctx.cdb();
        if ((cdb[8] & 0x01) == 0 && Cdb.u32(cdb, 2) != 0) {
            throw new InvalidFieldInCdb(2);
        }
        long last = ctx.capacityBlocks() - 1;
        byte[] d = new byte[8];
        Cdb.put32(d, 0, last >= 0xffffffffL ? 0xffffffffL : last);
        Cdb.put32(d, 4, ctx.blockSize());
        return ctx.dataIn(d, d.length, d.length);
    }
}
