package io.glio.engine.scsi.command;

import io.glio.engine.scsi.Cdb;
import io.glio.engine.scsi.CommandContext;
import io.glio.engine.scsi.ItNexus;
import io.glio.engine.scsi.OperationInfo;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.AbstractOperation;
import io.glio.engine.scsi.pr.AccessKind;
import io.glio.engine.scsi.pr.Registrant;
import io.glio.engine.scsi.pr.Reservations;
import io.glio.engine.scsi.sense.InvalidFieldInCdb;
import io.glio.engine.scsi.sense.InvalidFieldInParameterList;
import io.glio.engine.scsi.sense.ParameterListLengthError;
import io.glio.engine.scsi.sense.ScsiException;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * PERSISTENT RESERVE OUT (SPC-4 6.14) with the 24-byte basic parameter list:
 * <pre>
 *  0..7 RESERVATION KEY   8..15 SERVICE ACTION RESERVATION KEY   20 SPEC_I_PT 0x08 | ALL_TG_PT 0x04 | APTPL 0x01
 * </pre>
 * REGISTER, RESERVE, RELEASE, CLEAR, PREEMPT, PREEMPT AND ABORT, REGISTER AND IGNORE EXISTING
 * KEY; REGISTER AND MOVE, SPEC_I_PT, ALL_TG_PT and APTPL are not supported (INVALID FIELD).
 * Scope must be LU_SCOPE.
 */
public final class PersistentReserveOut extends AbstractOperation {

    private static final int PARAMETER_LENGTH = 24;

    public PersistentReserveOut() {
        super(OperationInfo.other(0x5f, -1, "PERSISTENT RESERVE OUT",
                AccessKind.PERSISTENT_RESERVATION, 0x1f, 0xff, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x00));
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        Reservations r = PersistentReserveIn.reservationsOf(ctx);
        byte[] cdb = ctx.cdb();
        int sa = cdb[1] & 0x1f;
        int scope = (cdb[2] >>> 4) & 0x0f;
        int type = cdb[2] & 0x0f;
        long length = Cdb.u32(cdb, 5);
        if (sa > 6) {
            throw new InvalidFieldInCdb(1, 4);
        }
        if (scope != 0) {
            throw new InvalidFieldInCdb(2, 7);
        }
        if (length != PARAMETER_LENGTH) {
            throw new ParameterListLengthError();
        }
        ByteBuffer data = ctx.dataOut();
        if (data.remaining() < PARAMETER_LENGTH) {
            throw new ParameterListLengthError();
        }
        byte[] p = new byte[PARAMETER_LENGTH];
        data.get(p);
        long key = Cdb.u64(p, 0);
        long saKey = Cdb.u64(p, 8);
        if ((p[20] & 0x0d) != 0) {
            throw new InvalidFieldInParameterList(20);
        }
        String me = ctx.nexusKey();
        ItNexus nexus = ctx.session().nexus();
        switch (sa) {
            case 0, 6 -> r.register(new Registrant(me, saKey, nexus.initiatorPortName(),
                    nexus.relativeTargetPortId()), key, sa == 6);
            case 1 -> r.reserve(me, key, type);
            case 2 -> r.release(me, key, type);
            case 3 -> r.clear(me, key);
            case 4 -> r.preempt(me, key, saKey, type);
            default -> ctx.unit().abortTasksOf(r.preempt(me, key, saKey, type)); // 5 PREEMPT AND ABORT
        }
        return CompletableFuture.completedFuture(ScsiCompletion.good(0, PARAMETER_LENGTH));
    }
}
