package io.glio.engine.runtime;

import io.glio.engine.scsi.ItNexus;
import io.glio.engine.scsi.ScsiCommand;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.ScsiTaskExecutor;
import io.glio.engine.scsi.TaskAttribute;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A test initiator: one nexus opened through the registry, CDBs in, completions and data out. */
final class Initiator {

    /** A finished command: completion plus the data-in bytes it produced. */
    record Result(ScsiCompletion completion, byte[] data) {
        int status() {
            return completion.status();
        }

        int senseKey() {
            return completion.senseData()[2] & 0x0f;
        }

        int asc() {
            return completion.senseData()[12] & 0xff;
        }

        int ascq() {
            return completion.senseData()[13] & 0xff;
        }

        String sense() {
            return completion.senseData().length == 0 ? "none"
                    : String.format("%x/%02x/%02x", senseKey(), asc(), ascq());
        }
    }

    private static final AtomicLong TAGS = new AtomicLong();

    final ItNexus nexus;
    final ScsiTaskExecutor executor;

    Initiator(DeviceRegistry registry, String initiatorName, String isid, String target, int tpgt) {
        this.nexus = new ItNexus(initiatorName, initiatorName + ",i,0x" + isid, target,
                target + ",t,0x" + String.format("%04x", tpgt), tpgt, tpgt, TAGS.incrementAndGet());
        this.executor = registry.open(nexus);
    }

    CompletableFuture<Result> submit(long lun, byte[] cdb, int expectedLength, byte[] dataOut, TaskAttribute attr,
                                     long tag) {
        ByteBuffer out = dataOut == null ? null : ByteBuffer.wrap(dataOut);
        ByteBuffer in = dataOut == null && expectedLength > 0 ? ByteBuffer.allocate(expectedLength) : null;
        ScsiCommand command = new ScsiCommand(nexus, lun, tag, attr, cdb, expectedLength, out, in);
        return executor.execute(command).toCompletableFuture().thenApply(c ->
                new Result(c, in == null ? new byte[0] : Arrays.copyOf(in.array(), c.dataInLength())));
    }

    Result run(long lun, byte[] cdb, int expectedLength) {
        return await(submit(lun, cdb, expectedLength, null, TaskAttribute.SIMPLE, TAGS.incrementAndGet()));
    }

    Result write(long lun, byte[] cdb, byte[] data) {
        return await(submit(lun, cdb, data.length, data, TaskAttribute.SIMPLE, TAGS.incrementAndGet()));
    }

    /** Clears the power-on unit attention as initiators do after login. */
    Initiator ready(long lun) {
        for (int i = 0; i < 5 && run(lun, new byte[6], 0).status() != ScsiCompletion.GOOD; i++) {
            // unit attentions are reported one per command
        }
        return this;
    }

    static Result await(CompletableFuture<Result> f) {
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("command did not complete", e);
        }
    }

    static long nextTag() {
        return TAGS.incrementAndGet();
    }

    // ------------------------------------------------------------------ CDB builders

    static byte[] read16(long lba, int blocks) {
        return rw16(0x88, lba, blocks);
    }

    static byte[] write16(long lba, int blocks) {
        return rw16(0x8a, lba, blocks);
    }

    static byte[] rw16(int opcode, long lba, int blocks) {
        byte[] c = new byte[16];
        c[0] = (byte) opcode;
        for (int i = 0; i < 8; i++) {
            c[2 + i] = (byte) (lba >>> (56 - 8 * i));
        }
        for (int i = 0; i < 4; i++) {
            c[10 + i] = (byte) (blocks >>> (24 - 8 * i));
        }
        return c;
    }

    static byte[] read10(long lba, int blocks) {
        byte[] c = new byte[10];
        c[0] = 0x28;
        c[2] = (byte) (lba >>> 24);
        c[3] = (byte) (lba >>> 16);
        c[4] = (byte) (lba >>> 8);
        c[5] = (byte) lba;
        c[7] = (byte) (blocks >>> 8);
        c[8] = (byte) blocks;
        return c;
    }

    static byte[] inquiry(boolean evpd, int page, int allocation) {
        return new byte[] {0x12, (byte) (evpd ? 1 : 0), (byte) page, (byte) (allocation >>> 8), (byte) allocation, 0};
    }

    static byte[] pattern(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }
}
