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
 * REPORT TARGET PORT GROUPS (MAINTENANCE IN 0x0a, SPC-4 6.36): this LUN's group in its access state,
 * with the port of this nexus. Header RETURN DATA LENGTH (4 bytes), or the extended header
 * (format 001b: byte 4 = 0x10) when asked. Per group: state, supported states T|O|U|S|AN|AO
 * (0xcf), group id, status, port count, then 4 bytes per port (RTPI in bytes 2..3).
 */
public final class ReportTargetPortGroups extends AbstractOperation {

    public ReportTargetPortGroups() {
        super(OperationInfo.other(0xa3, 0x0a, "REPORT TARGET PORT GROUPS",
                AccessKind.ALWAYS, 0xff, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0, 0));
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        byte[] cdb = ctx.cdb();
        boolean extended = (cdb[1] & 0xe0) == 0x20;
        if ((cdb[1] & 0xe0) > 0x20) {
            throw new InvalidFieldInCdb(1, 7);
        }
        long allocation = Cdb.u32(cdb, 6);
        int header = extended ? 8 : 4;
        int group = Math.max(0, ctx.access().targetPortGroup());
        byte[] d = new byte[header + 8 + 4];
        Cdb.put32(d, 0, d.length - 4);
        if (extended) {
            d[4] = 0x10;
        }
        d[header] = (byte) (ctx.access().aluaState() & 0x0f);
        d[header + 1] = (byte) 0xcf;
        Cdb.put16(d, header + 2, group);
        d[header + 7] = 1;                      // one target port
        Cdb.put16(d, header + 10, ctx.session().nexus().relativeTargetPortId());
        return ctx.dataIn(d, d.length, allocation);
    }
}
