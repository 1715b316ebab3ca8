package io.glio.engine.scsi.command;

import io.glio.engine.scsi.Cdb;
import io.glio.engine.scsi.CommandContext;
import io.glio.engine.scsi.OperationInfo;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.AbstractOperation;
import io.glio.engine.scsi.pr.AccessKind;
import io.glio.engine.scsi.sense.InvalidFieldInCdb;
import io.glio.engine.scsi.sense.InvalidFieldInParameterList;
import io.glio.engine.scsi.sense.ParameterListLengthError;
import io.glio.engine.scsi.sense.SavingParametersNotSupported;
import io.glio.engine.scsi.sense.ScsiException;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * MODE SELECT(6/10) (SPC-4 6.9-6.10), as LIO: parameter list length 0 is GOOD; PF=0 is invalid;
 * SP=1 is SAVING PARAMETERS NOT SUPPORTED; nothing is changeable, so every page sent must equal
 * the current page byte for byte (PS bit ignored), else INVALID FIELD IN PARAMETER LIST.
 */
public final class ModeSelect extends AbstractOperation {

    private final boolean ten;

    private ModeSelect(OperationInfo info, boolean ten) {
        super(info);
        this.ten = ten;
    }

    public static ModeSelect modeSelect6() {
        return new ModeSelect(OperationInfo.other(0x15, -1, "MODE SELECT(6)", AccessKind.WRITE,
                0x11, 0x00, 0x00, 0xff, 0x00), false);
    }

    public static ModeSelect modeSelect10() {
        return new ModeSelect(OperationInfo.other(0x55, -1, "MODE SELECT(10)", AccessKind.WRITE,
                0x11, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00), true);
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        byte[] cdb = ctx.cdb();
        int length = ten ? Cdb.u16(cdb, 7) : Cdb.u8(cdb, 4);
        if ((cdb[1] & 0x10) == 0) {
            throw new InvalidFieldInCdb(1, 4);
        }
        if ((cdb[1] & 0x01) != 0) {
            throw new SavingParametersNotSupported();
        }
        if (length == 0) {
            return CommandContext.good();
        }
        int header = ten ? 8 : 4;
        ByteBuffer data = ctx.dataOut();
        byte[] p = new byte[Math.min(length, data.remaining())];
        data.get(p);
        if (p.length < header + 2) {
            throw new ParameterListLengthError();
        }
        int descriptors = ten ? Cdb.u16(p, 6) : Cdb.u8(p, 3);
        int at = header + descriptors;
        while (at + 2 <= p.length) {
            int code = p[at] & 0x3f;
            int pageLength = Cdb.u8(p, at + 1) + 2;
            byte[] current = ModePages.get(code, ctx.settings(), false);
            if (current == null || code == ModePages.ALL || (p[at] & 0x40) != 0) {
                throw new InvalidFieldInParameterList(at);
            }
            if (at + pageLength > p.length || pageLength != current.length) {
                throw new ParameterListLengthError();
            }
            byte[] sent = Arrays.copyOfRange(p, at, at + pageLength);
            sent[0] &= 0x3f;
            int diff = Arrays.mismatch(sent, current);
            if (diff >= 0) {
                throw new InvalidFieldInParameterList(at + diff);
            }
            at += pageLength;
        }
        return CompletableFuture.completedFuture(ScsiCompletion.good(0, length));
    }
}
