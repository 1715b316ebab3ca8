package io.glio.engine.scsi.command;

import io.glio.engine.scsi.Cdb;
import io.glio.engine.scsi.CommandContext;
import io.glio.engine.scsi.OperationInfo;
import io.glio.engine.scsi.OperationTable;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.AbstractOperation;
import io.glio.engine.scsi.pr.AccessKind;
import io.glio.engine.scsi.sense.InvalidFieldInCdb;
import io.glio.engine.scsi.sense.ScsiException;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * REPORT SUPPORTED OPERATION CODES (MAINTENANCE IN 0x0c, SPC-4 6.35), built from the operation
 * table itself. REPORTING OPTIONS 000b lists every command (8-byte descriptors, +12 with RCTD);
 * 001b asks for an opcode without service action, 010b for opcode + service action, 011b for
 * either; the one-command form carries SUPPORT 011b/001b, the CDB size and the usage data.
 */
public final class ReportSupportedOperationCodes extends AbstractOperation {

    public ReportSupportedOperationCodes() {
        super(OperationInfo.other(0xa3, 0x0c, "REPORT SUPPORTED OPERATION CODES",
                AccessKind.ALWAYS, 0x1f, 0x87, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0));
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        byte[] cdb = ctx.cdb();
        boolean rctd = (cdb[2] & 0x80) != 0;
        int options = cdb[2] & 0x07;
        int opcode = Cdb.u8(cdb, 3);
        int sa = Cdb.u16(cdb, 4);
        long allocation = Cdb.u32(cdb, 6);
        byte[] d = switch (options) {
            case 0 -> all(OperationTable.operations(ctx), rctd);
            case 1, 2, 3 -> one(OperationTable.operations(ctx), options, opcode, sa, rctd);
            default -> throw new InvalidFieldInCdb(2, 2);
        };
        return ctx.dataIn(d, d.length, allocation);
    }

    private static byte[] all(List<OperationInfo> operations, boolean rctd) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (OperationInfo op : operations) {
            byte[] desc = new byte[8];
            desc[0] = (byte) op.opcode();
            if (op.serviceAction() >= 0) {
                Cdb.put16(desc, 2, op.serviceAction());
                desc[5] = 0x01;
            }
            if (rctd) {
                desc[5] |= 0x02;
            }
            Cdb.put16(desc, 6, op.cdbLength());
            out.writeBytes(desc);
            if (rctd) {
                out.writeBytes(timeouts());
            }
        }
        byte[] body = out.toByteArray();
        byte[] d = new byte[4 + body.length];
        Cdb.put32(d, 0, body.length);
        System.arraycopy(body, 0, d, 4, body.length);
        return d;
    }

    private static byte[] one(List<OperationInfo> operations, int options, int opcode, int sa, boolean rctd)
            throws InvalidFieldInCdb {
        List<OperationInfo> withOpcode = operations.stream().filter(o -> o.opcode() == opcode).toList();
        boolean hasServiceActions = withOpcode.stream().anyMatch(o -> o.serviceAction() >= 0);
        if (options == 1 && hasServiceActions) {
            throw new InvalidFieldInCdb(3);
        }
        if (options == 2 && !withOpcode.isEmpty() && !hasServiceActions) {
            throw new InvalidFieldInCdb(4);
        }
        OperationInfo match = withOpcode.stream()
                .filter(o -> o.serviceAction() < 0 || o.serviceAction() == sa).findFirst().orElse(null);
        if (match == null) {
            byte[] d = new byte[4];
            d[1] = 0x01; // not supported
            return d;
        }
        byte[] usage = match.usage();
        byte[] t = rctd ? timeouts() : new byte[0];
        byte[] d = new byte[4 + usage.length + t.length];
        d[1] = (byte) (0x03 | (rctd ? 0x80 : 0));
        Cdb.put16(d, 2, usage.length);
        System.arraycopy(usage, 0, d, 4, usage.length);
        System.arraycopy(t, 0, d, 4 + usage.length, t.length);
        return d;
    }

    /** Command timeouts descriptor (SPC-4 6.35.4): length 0x0a, no timeouts given. */
    private static byte[] timeouts() {
        byte[] t = new byte[12];
        Cdb.put16(t, 0, 0x0a);
        return t;
    }
}
