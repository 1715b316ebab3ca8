package io.glio.engine.scsi.command;

import io.glio.engine.scsi.Cdb;
import io.glio.engine.scsi.CommandContext;
import io.glio.engine.scsi.OperationInfo;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.AbstractOperation;
import io.glio.engine.scsi.pr.AccessKind;
import io.glio.engine.scsi.pr.Registrant;
import io.glio.engine.scsi.pr.Reservations;
import io.glio.engine.scsi.sense.InvalidFieldInCdb;
import io.glio.engine.scsi.sense.InvalidOpcode;
import io.glio.engine.scsi.sense.ScsiException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * PERSISTENT RESERVE IN (SPC-4 6.13): READ KEYS (0), READ RESERVATION (1), REPORT CAPABILITIES
 * (2), READ FULL STATUS (3); other service actions are INVALID FIELD IN CDB. The length fields
 * count everything; the allocation length cuts the data.
 */
public final class PersistentReserveIn extends AbstractOperation {

    public PersistentReserveIn() {
        super(OperationInfo.other(0x5e, -1, "PERSISTENT RESERVE IN",
                AccessKind.PERSISTENT_RESERVATION, 0x1f, 0, 0, 0, 0, 0, 0xff, 0xff, 0x00));
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        Reservations.Snapshot s = reservationsOf(ctx).snapshot();
        byte[] cdb = ctx.cdb();
        int sa = cdb[1] & 0x1f;
        int allocation = Cdb.u16(cdb, 7);
        byte[] d = switch (sa) {
            case 0 -> readKeys(s);
            case 1 -> readReservation(s);
            case 2 -> reportCapabilities();
            case 3 -> readFullStatus(s);
            default -> throw new InvalidFieldInCdb(1, 4);
        };
        return ctx.dataIn(d, d.length, allocation);
    }

    /** The LU's persistent reservations; with {@code emulate_pr=0} the PR commands do not exist (LIO). */
    static Reservations reservationsOf(CommandContext ctx) throws InvalidOpcode {
        if (!ctx.settings().pr()) {
            throw new InvalidOpcode();
        }
        return ctx.unit().reservations();
    }

    private static byte[] readKeys(Reservations.Snapshot s) {
        byte[] d = new byte[8 + 8 * s.registrants().size()];
        Cdb.put32(d, 0, s.generation());
        Cdb.put32(d, 4, 8L * s.registrants().size());
        for (int i = 0; i < s.registrants().size(); i++) {
            Cdb.put64(d, 8 + 8 * i, s.registrants().get(i).key());
        }
        return d;
    }

    private static byte[] readReservation(Reservations.Snapshot s) {
        byte[] d = new byte[s.reserved() ? 24 : 8];
        Cdb.put32(d, 0, s.generation());
        if (s.reserved()) {
            Cdb.put32(d, 4, 16);
            Cdb.put64(d, 8, s.reservationKey());
            d[21] = (byte) s.type(); // scope LU (0) | type
        }
        return d;
    }

    /** CRH; TMV with ALLOW COMMANDS 001b; all six types (no SIP_C, ATP_C, PTPL_C: not supported). */
    private static byte[] reportCapabilities() {
        byte[] d = new byte[8];
        Cdb.put16(d, 0, 8);
        d[2] = 0x10;
        d[3] = (byte) 0x90;
        d[4] = (byte) (0x80 | 0x40 | 0x20 | 0x08 | 0x02);
        d[5] = 0x01;
        return d;
    }

    /** One descriptor per registration with its iSCSI TransportID (format 01b: name + ISID). */
    private static byte[] readFullStatus(Reservations.Snapshot s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Registrant r : s.registrants()) {
            byte[] name = r.initiatorPortName().getBytes(StandardCharsets.UTF_8);
            int idLength = Math.max(20, (name.length + 1 + 3) & ~3);
            byte[] transportId = new byte[4 + idLength];
            transportId[0] = 0x45;
            Cdb.put16(transportId, 2, idLength);
            System.arraycopy(name, 0, transportId, 4, name.length);
            byte[] desc = new byte[24];
            Cdb.put64(desc, 0, r.key());
            if (s.isHolder(r)) {
                desc[12] = 0x01;
                desc[13] = (byte) s.type();
            }
            Cdb.put16(desc, 18, r.relativeTargetPortId());
            Cdb.put32(desc, 20, transportId.length);
            out.writeBytes(desc);
            out.writeBytes(transportId);
        }
        byte[] body = out.toByteArray();
        byte[] d = new byte[8 + body.length];
        Cdb.put32(d, 0, s.generation());
        Cdb.put32(d, 4, body.length);
        System.arraycopy(body, 0, d, 8, body.length);
        return d;
    }
}
