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
 * READ DEFECT DATA(10/12) (SBC-3 5.17-5.18): there are no defects; the header echoes the
 * requested PLIST/GLIST and format with a defect list length of 0.
 */
public final class ReadDefectData extends AbstractOperation {

    private final boolean twelve;

    private ReadDefectData(OperationInfo info, boolean twelve) {
        super(info);
        this.twelve = twelve;
    }

    public static ReadDefectData readDefectData10() {
        return new ReadDefectData(OperationInfo.other(0x37, -1, "READ DEFECT DATA(10)", AccessKind.OTHER,
                0x00, 0x1f, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00), false);
    }

    public static ReadDefectData readDefectData12() {
        return new ReadDefectData(OperationInfo.other(0xb7, -1, "READ DEFECT DATA(12)", AccessKind.OTHER,
                0x1f, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00), true);
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        byte[] cdb = ctx.cdb();
        int format = twelve ? Cdb.u8(cdb, 1) & 0x1f : Cdb.u8(cdb, 2) & 0x1f;
        long allocation = twelve ? Cdb.u32(cdb, 6) : Cdb.u16(cdb, 7);
        byte[] d = new byte[twelve ? 8 : 4];
        d[1] = (byte) format;
        return ctx.dataIn(d, d.length, allocation);
    }
}
