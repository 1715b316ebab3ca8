package io.glio.engine.scsi.command;

import io.glio.engine.scsi.AbstractOperation;
import io.glio.engine.scsi.Cdb;
import io.glio.engine.scsi.CommandContext;
import io.glio.engine.scsi.OperationInfo;
import io.glio.engine.scsi.PortGroups;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.pr.AccessKind;
import io.glio.engine.scsi.sense.InvalidFieldInParameterList;
import io.glio.engine.scsi.sense.InvalidOpcode;
import io.glio.engine.scsi.sense.ScsiException;
import io.glio.engine.scsi.sense.SenseData;
import io.glio.engine.scsi.sense.SetTargetPortGroupsFailed;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * SET TARGET PORT GROUPS (MAINTENANCE OUT 0x0a, SPC-4 6.44), offered only for a LU shared by
 * several gateways (INQUIRY TPGS 11b there); any other LU answers INVALID COMMAND OPERATION
 * CODE as before (TPGS 01b: implicit only). Parameter list: 4 reserved bytes, then 4-byte
 * descriptors (byte 0 bits 3..0 the asymmetric access state, bytes 2..3 the group id).
 *
 * <p>The shared groups take two states, set by one preferred gateway, so: a group set
 * active/optimized makes its gateway the preferred one (what Linux's scsi_dh_alua sends to
 * activate a path); a group set active/non-optimized must already be so. Anything else (an
 * unknown group, another state, two groups set optimized) is INVALID FIELD IN PARAMETER LIST and
 * changes nothing. The command completes once the volume records the change; every gateway
 * reports it at its next heartbeat.
 */
public final class SetTargetPortGroups extends AbstractOperation {

    private static final int HEADER = 4;
    private static final int DESCRIPTOR = 4;

    public SetTargetPortGroups() {
        super(OperationInfo.other(0xa4, 0x0a, "SET TARGET PORT GROUPS",
                AccessKind.ALWAYS, 0x1f, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0, 0));
    }

    /** Offered where the nexus reaches a group of a shared LU. */
    public static boolean offered(CommandContext ctx) {
        return ctx.unit() != null && ctx.unit().aluaControl() != null
                && PortGroups.ownOf(ctx.unit(), ctx.session().nexus()).isPresent();
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        if (!offered(ctx)) {
            throw new InvalidOpcode();
        }
        long length = Cdb.u32(ctx.cdb(), 6);
        if (length == 0) {
            return CommandContext.good();
        }
        ByteBuffer list = ctx.exactDataOut(length);
        int optimized = optimizedGroup(list, ctx.unit().portGroups());
        if (optimized < 0) {
            return CommandContext.good();
        }
        return ctx.unit().aluaControl().prefer(optimized, ctx.nexusKey()).handle((ok, failure) -> {
            if (failure == null) {
                return ScsiCompletion.good(0, 0);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            return SenseData.completion(new SetTargetPortGroupsFailed(String.valueOf(cause.getMessage())));
        });
    }

    /**
     * The group set active/optimized (-1 for none), after checking every descriptor: each names
     * a group; at most one is set active/optimized; each group set active/non-optimized is so
     * once that one is preferred (or already is, when none is).
     */
    private static int optimizedGroup(ByteBuffer list, PortGroups groups) throws InvalidFieldInParameterList {
        int base = list.position();
        int optimized = -1;
        for (int at = HEADER; at + DESCRIPTOR <= list.remaining(); at += DESCRIPTOR) {
            int id = Short.toUnsignedInt(list.getShort(base + at + 2));
            if (groups.groups().stream().noneMatch(g -> g.id() == id)) {
                throw new InvalidFieldInParameterList(at + 2);
            }
            int state = list.get(base + at) & 0x0f;
            if ((state == 0 && optimized >= 0 && optimized != id) || state > 1) {
                throw new InvalidFieldInParameterList(at);
            }
            optimized = state == 0 ? id : optimized;
        }
        for (int at = HEADER; at + DESCRIPTOR <= list.remaining(); at += DESCRIPTOR) {
            int id = Short.toUnsignedInt(list.getShort(base + at + 2));
            boolean nonOptimized = optimized >= 0 ? id != optimized
                    : groups.groups().stream().anyMatch(g -> g.id() == id && g.state() == 1);
            if ((list.get(base + at) & 0x0f) == 1 && !nonOptimized) {
                throw new InvalidFieldInParameterList(at);
            }
        }
        return optimized;
    }
}
