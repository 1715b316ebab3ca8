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
 * MODE SENSE(6/10) (SPC-4 6.11-6.12). Header: mode data length, medium type 0, device-specific
 * WP 0x80 (read-only LUN) | DPOFUA 0x10, block descriptor length; then one short block
 * descriptor (8 bytes; 16 with LLBAA in the 10-byte form) unless DBD; then the pages.
 */
public final class ModeSense extends AbstractOperation {

    private final boolean ten;

    private ModeSense(OperationInfo info, boolean ten) {
        super(info);
        this.ten = ten;
    }

    public static ModeSense modeSense6() {
        return new ModeSense(OperationInfo.other(0x1a, -1, "MODE SENSE(6)", AccessKind.OTHER,
                0x08, 0xff, 0xff, 0xff, 0x00), false);
    }

    public static ModeSense modeSense10() {
        return new ModeSense(OperationInfo.other(0x5a, -1, "MODE SENSE(10)", AccessKind.OTHER,
                0x18, 0xff, 0xff, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00), true);
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        byte[] cdb = ctx.cdb();
        boolean dbd = (cdb[1] & 0x08) != 0;
        boolean llbaa = ten && (cdb[1] & 0x10) != 0;
        int pc = (cdb[2] >>> 6) & 3;
        int code = cdb[2] & 0x3f;
        int subpage = Cdb.u8(cdb, 3);
        int allocation = ten ? Cdb.u16(cdb, 7) : Cdb.u8(cdb, 4);
        if (subpage != 0 && !(code == ModePages.ALL && subpage == 0xff)) {
            throw new InvalidFieldInCdb(3);
        }
        byte[] pages = ModePages.get(code, ctx.settings(), pc == 1);
        if (pages == null) {
            throw new InvalidFieldInCdb(2, 5);
        }
        int header = ten ? 8 : 4;
        int descriptor = dbd ? 0 : llbaa ? 16 : 8;
        byte[] d = new byte[header + descriptor + pages.length];
        int deviceSpecific = (ctx.readOnly() ? 0x80 : 0) | (ctx.settings().dpoFua() ? 0x10 : 0);
        long blocks = ctx.capacityBlocks();
        if (ten) {
            Cdb.put16(d, 0, d.length - 2);
            d[3] = (byte) deviceSpecific;
            d[4] = (byte) (llbaa ? 1 : 0);
            Cdb.put16(d, 6, descriptor);
        } else {
            d[0] = (byte) (d.length - 1);
            d[2] = (byte) deviceSpecific;
            d[3] = (byte) descriptor;
        }
        if (descriptor == 16) {
            Cdb.put64(d, header, blocks);
            Cdb.put32(d, header + 12, ctx.blockSize());
        } else if (descriptor == 8) {
            Cdb.put32(d, header, Math.min(blocks, 0xffffffffL));
            Cdb.put32(d, header + 4, ctx.blockSize() & 0xffffff);
        }
        System.arraycopy(pages, 0, d, header + descriptor, pages.length);
        return ctx.dataIn(d, d.length, allocation);
    }
}
