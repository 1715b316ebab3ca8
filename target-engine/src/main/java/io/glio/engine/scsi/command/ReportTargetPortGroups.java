package io.glio.engine.scsi.command;

import io.glio.engine.scsi.Cdb;
import io.glio.engine.scsi.CommandContext;
import io.glio.engine.scsi.OperationInfo;
import io.glio.engine.scsi.PortGroups;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.AbstractOperation;
import io.glio.engine.scsi.pr.AccessKind;
import io.glio.engine.scsi.sense.InvalidFieldInCdb;
import io.glio.engine.scsi.sense.ScsiException;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * REPORT TARGET PORT GROUPS (MAINTENANCE IN 0x0a, SPC-4 6.36). Header RETURN DATA LENGTH (4
 * bytes), or the extended header (format 001b: byte 4 = 0x10) when asked. Per group: PREF |
 * state, supported states, group id, status, port count, then 4 bytes per port (RTPI in bytes
 * 2..3).
 *
 * <p>A LU shared by several gateways ({@link PortGroups}) reports every live gateway's group,
 * in id order, with the states the volume's setting gives (supported: AO and AN only, the only
 * states those groups take), so every gateway sends the same bytes. Any other LU reports its
 * local model's group in its state, with the port of this nexus (supported T|O|U|S|AN|AO, 0xcf).
 */
public final class ReportTargetPortGroups extends AbstractOperation {

    private static final int LOCAL_SUPPORTED = 0xcf;
    private static final int SHARED_SUPPORTED = 0x03;

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
        List<byte[]> descriptors = PortGroups.ownOf(ctx.unit(), ctx.session().nexus()).isPresent()
                ? ctx.unit().portGroups().groups().stream().map(ReportTargetPortGroups::shared).toList()
                : List.of(local(ctx));
        int header = extended ? 8 : 4;
        byte[] d = new byte[header + descriptors.stream().mapToInt(x -> x.length).sum()];
        Cdb.put32(d, 0, d.length - 4);
        if (extended) {
            d[4] = 0x10;
        }
        int at = header;
        for (byte[] x : descriptors) {
            System.arraycopy(x, 0, d, at, x.length);
            at += x.length;
        }
        return ctx.dataIn(d, d.length, allocation);
    }

    private static byte[] local(CommandContext ctx) {
        return descriptor(ctx.access().aluaState() & 0x0f, LOCAL_SUPPORTED, Math.max(0, ctx.access().targetPortGroup()),
                0, ctx.session().nexus().relativeTargetPortId());
    }

    private static byte[] shared(PortGroups.Group g) {
        return descriptor((g.preferred() ? 0x80 : 0) | g.state(), SHARED_SUPPORTED, g.id(), g.status(), g.relativePort());
    }

    /** One group descriptor with one target port descriptor (SPC-4 tables 166, 167). */
    private static byte[] descriptor(int prefAndState, int supported, int group, int status, int relativePort) {
        byte[] d = new byte[12];
        d[0] = (byte) prefAndState;
        d[1] = (byte) supported;
        Cdb.put16(d, 2, group);
        d[5] = (byte) status;
        d[7] = 1;                      // one target port
        Cdb.put16(d, 10, relativePort);
        return d;
    }
}
