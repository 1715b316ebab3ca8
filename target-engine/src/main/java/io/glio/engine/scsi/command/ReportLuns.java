package io.glio.engine.scsi.command;

import io.glio.engine.scsi.Cdb;
import io.glio.engine.scsi.CommandContext;
import io.glio.engine.scsi.OperationInfo;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.AbstractOperation;
import io.glio.engine.scsi.sense.InvalidFieldInCdb;
import io.glio.engine.scsi.sense.ScsiException;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * REPORT LUNS (SPC-4 6.33): the nexus's LUNs, 8 bytes each, peripheral addressing for LUNs below
 * 256 and flat space (0x40) above, as Linux's int_to_scsilun writes them; LUN LIST LENGTH counts
 * all of them even when the allocation length cuts the list. Allocation length below 16 is
 * INVALID FIELD IN CDB (SPC-4). Clears REPORTED LUNS DATA HAS CHANGED for the nexus.
 */
public final class ReportLuns extends AbstractOperation {

    public ReportLuns() {
        super(OperationInfo.other(0xa0, -1, "REPORT LUNS", null, 0x00, 0xff, 0, 0, 0,
                0xff, 0xff, 0xff, 0xff, 0, 0).unitlessOperation());
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        byte[] cdb = ctx.cdb();
        int select = Cdb.u8(cdb, 2);
        long allocation = Cdb.u32(cdb, 6);
        if (select > 2 && select != 0x10 && select != 0x11 && select != 0x12) {
            throw new InvalidFieldInCdb(2);
        }
        if (allocation < 16) {
            throw new InvalidFieldInCdb(6);
        }
        List<Integer> luns = ctx.session().lunMap().luns();
        if (select == 1) {
            luns = List.of(); // well-known LUNs only: there are none
        } else if (luns.isEmpty()) {
            luns = List.of(0); // as LIO: a nexus without LUNs still sees LUN 0 (SPC-4 requires LUN 0 to answer)
        }
        byte[] d = new byte[8 + 8 * luns.size()];
        Cdb.put32(d, 0, 8L * luns.size());
        for (int i = 0; i < luns.size(); i++) {
            int lun = luns.get(i);
            Cdb.put16(d, 8 + 8 * i, lun < 256 ? lun : 0x4000 | (lun & 0x3fff));
        }
        ctx.session().reportedLunsSeen();
        return ctx.dataIn(d, d.length, allocation);
    }
}
