package io.glio.engine.scsi.command;

import io.glio.engine.scsi.Cdb;
import io.glio.engine.scsi.CommandContext;
import io.glio.engine.scsi.OperationInfo;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.AbstractOperation;
import io.glio.engine.scsi.identity.StandardInquiry;
import io.glio.engine.scsi.identity.VpdPages;
import io.glio.engine.scsi.sense.InvalidFieldInCdb;
import io.glio.engine.scsi.sense.ScsiException;

import java.util.concurrent.CompletableFuture;

/**
 * INQUIRY (SPC-4 6.6): standard data, or a VPD page with EVPD=1. A page code with EVPD=0, an
 * unknown page or CMDDT is INVALID FIELD IN CDB. Data is cut to the allocation length; the
 * page length fields keep the full size.
 */
public final class Inquiry extends AbstractOperation {

    public Inquiry() {
        super(OperationInfo.other(0x12, -1, "INQUIRY", null, 0x01, 0xff, 0xff, 0xff, 0x00)
                .unitlessOperation());
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        byte[] cdb = ctx.cdb();
        boolean evpd = (cdb[1] & 0x01) != 0;
        int page = Cdb.u8(cdb, 2);
        int allocation = Cdb.u16(cdb, 3);
        if ((cdb[1] & 0x02) != 0) {
            throw new InvalidFieldInCdb(1, 1);
        }
        if (!evpd && page != 0) {
            throw new InvalidFieldInCdb(2);
        }
        byte[] data;
        if (ctx.unit() == null) {
            if (evpd) {
                throw new InvalidFieldInCdb(1, 0);
            }
            data = StandardInquiry.noUnit();
        } else if (!evpd) {
            data = StandardInquiry.of(ctx.settings(), SetTargetPortGroups.offered(ctx));
        } else {
            data = VpdPages.page(page, ctx.access(), ctx.session().nexus());
            if (data == null) {
                throw new InvalidFieldInCdb(2);
            }
        }
        return ctx.dataIn(data, data.length, allocation);
    }
}
