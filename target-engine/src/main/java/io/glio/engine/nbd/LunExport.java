package io.glio.engine.nbd;

import io.glio.engine.scsi.ItNexus;
import io.glio.engine.scsi.LunAccess;
import io.glio.engine.scsi.ScsiCommand;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.ScsiTaskExecutor;
import io.glio.engine.scsi.TaskAttribute;
import io.glio.engine.scsi.sense.SenseKey;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One LUN as an NBD export of one connection: its size and block size from the LU, and the SCSI
 * commands the NBD commands become, submitted to the connection's nexus
 * ({@link io.glio.engine.scsi.NexusSession}), so range locks, reservations, write protection and
 * NOT READY apply exactly as for an iSCSI initiator.
 */
final class LunExport {

    /** UNIT ATTENTIONs have no NBD form: the command is sent again, as Linux's sd does. */
    private static final int UNIT_ATTENTION_RETRIES = 8;

    private final ScsiTaskExecutor nexus;
    private final ItNexus itNexus;
    private final LunAccess access;
    private final AtomicLong tags;

    LunExport(ScsiTaskExecutor nexus, ItNexus itNexus, LunAccess access, AtomicLong tags) {
        this.nexus = nexus;
        this.itNexus = itNexus;
        this.access = access;
        this.tags = tags;
    }

    int blockSize() {
        return access.unit().settings().blockSize();
    }

    long size() {
        return access.unit().capacityBlocks() * blockSize();
    }

    /** The largest READ or WRITE: the LU's MAXIMUM TRANSFER LENGTH, within the decoder's bound. */
    int maxPayload() {
        return (int) Math.min(Nbd.MAX_PAYLOAD, access.unit().settings().maxTransferBlocks() * blockSize());
    }

    /** Whether TRIM can deallocate (WRITE SAME with UNMAP needs {@code emulate_tpws}). */
    boolean canTrim() {
        return access.unit().settings().tpws();
    }

    /** Blocks one WRITE SAME may cover: {@code max_write_same_len} when set, else the CDB's 32 bits. */
    long maxWriteSameBlocks() {
        long max = access.unit().settings().maxWriteSameLen();
        return max > 0 ? Math.min(max, 0xffffffffL) : 0xffffffffL;
    }

    NbdExports.Info info() {
        int flags = Nbd.FLAG_HAS_FLAGS | Nbd.FLAG_SEND_FLUSH | Nbd.FLAG_SEND_FUA | Nbd.FLAG_SEND_WRITE_ZEROES
                | Nbd.FLAG_SEND_CACHE | Nbd.FLAG_SEND_DF
                // one LU behind every connection, and FLUSH syncs the store: what one connection
                // flushed is durable for all (proto.md NBD_FLAG_CAN_MULTI_CONN)
                | Nbd.FLAG_CAN_MULTI_CONN;
        if (access.readOnly() || access.unit().settings().readOnly()) {
            flags |= Nbd.FLAG_READ_ONLY;
        }
        if (canTrim()) {
            flags |= Nbd.FLAG_SEND_TRIM;
        }
        if (!access.unit().settings().nonRotational()) {
            flags |= Nbd.FLAG_ROTATIONAL;
        }
        return new NbdExports.Info(size(), blockSize(), maxPayload(), flags);
    }

    /**
     * Runs one CDB on the nexus; a UNIT ATTENTION is consumed and the command sent again.
     *
     * @param dataOut write data or null; {@code dataIn} read buffer or null
     */
    CompletableFuture<ScsiCompletion> submit(byte[] cdb, ByteBuffer dataOut, ByteBuffer dataIn) {
        return submit(cdb, dataOut, dataIn, UNIT_ATTENTION_RETRIES);
    }

    private CompletableFuture<ScsiCompletion> submit(byte[] cdb, ByteBuffer dataOut, ByteBuffer dataIn, int retries) {
        int edtl = dataOut != null ? dataOut.remaining() : dataIn != null ? dataIn.capacity() : 0;
        ScsiCommand c = new ScsiCommand(itNexus, access.lun(), tags.incrementAndGet(), TaskAttribute.SIMPLE, cdb,
                edtl, dataOut == null ? null : dataOut.duplicate(), dataIn);
        return nexus.execute(c).toCompletableFuture().thenCompose(done -> {
            if (retries > 0 && unitAttention(done)) {
                return submit(cdb, dataOut, dataIn, retries - 1);
            }
            return CompletableFuture.completedFuture(done);
        });
    }

    private static boolean unitAttention(ScsiCompletion c) {
        return c.status() == ScsiCompletion.CHECK_CONDITION && c.senseData().length > 2
                && (c.senseData()[2] & 0x0f) == SenseKey.UNIT_ATTENTION;
    }
}
