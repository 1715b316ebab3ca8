package io.glio.engine.scsi;

import io.glio.engine.backing.BackingStore;
import io.glio.engine.scsi.sense.InvalidFieldInCommandInformationUnit;
import io.glio.engine.scsi.sense.LbaOutOfRange;
import io.glio.engine.scsi.sense.NotReady;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/** A command with everything an operation may use: CDB, LU, nexus view, buffers. */
public final class CommandContext {

    private final ScsiCommand command;
    private final LunAccess access;
    private final NexusSession session;
    private final DeviceSettings settings;

    CommandContext(ScsiCommand command, LunAccess access, NexusSession session) {
        this.command = command;
        this.access = access;
        this.session = session;
        this.settings = access == null ? null : access.unit().settings();
    }

    public ScsiCommand command() {
        return command;
    }

    public byte[] cdb() {
        return command.cdb();
    }

    /** The LUN as this nexus reaches it; null for a unitless operation on an unmapped LUN. */
    public LunAccess access() {
        return access;
    }

    public LogicalUnit unit() {
        return access == null ? null : access.unit();
    }

    public NexusSession session() {
        return session;
    }

    public String nexusKey() {
        return session.nexusKey();
    }

    public DeviceSettings settings() {
        return settings;
    }

    public int blockSize() {
        return settings.blockSize();
    }

    public boolean readOnly() {
        return access.readOnly() || settings.readOnly();
    }

    public BackingStore store() throws NotReady {
        BackingStore s = unit().store();
        if (s == null || !s.isReady()) {
            throw NotReady.storeNotAccessible();
        }
        return s;
    }

    public long capacityBlocks() {
        return unit().capacityBlocks();
    }

    /** SBC-3 4.5: LBA + count must not pass the capacity (nor overflow). */
    public void checkRange(long lba, long blocks) throws LbaOutOfRange {
        long cap = capacityBlocks();
        if (lba < 0 || blocks < 0 || lba > cap || blocks > cap - lba) {
            throw new LbaOutOfRange();
        }
    }

    /** Write data as sent (position..limit), never null. */
    public ByteBuffer dataOut() {
        ByteBuffer d = command.dataOut();
        return d == null ? ByteBuffer.allocate(0) : d.duplicate();
    }

    /**
     * The write data of a command that moves exactly {@code bytes}; any other amount is LIO's
     * INVALID FIELD IN COMMAND INFORMATION UNIT (target_cmd_size_check for write CDBs).
     */
    public ByteBuffer exactDataOut(long bytes) throws InvalidFieldInCommandInformationUnit {
        ByteBuffer d = dataOut();
        if (d.remaining() != bytes) {
            throw new InvalidFieldInCommandInformationUnit();
        }
        return d;
    }

    /**
     * The write data of a block command whose CDB moves {@code bytes}, cut to the whole blocks
     * that both the CDB and the transport's expected length cover: with EDTL above the CDB's
     * length only the CDB's blocks are written, with EDTL below it only EDTL's whole blocks
     * (RFC 7143 11.4.5.2: the residual tells the initiator what was not moved; libiscsi's
     * iSCSIResiduals tests expect GOOD with the residual in both directions).
     */
    public ByteBuffer blockDataOut(long bytes) {
        ByteBuffer d = dataOut();
        long usable = Math.min(d.remaining(), bytes);
        usable -= usable % blockSize();
        return d.limit(d.position() + (int) usable);
    }

    public int dataInCapacity() {
        ByteBuffer d = command.dataIn();
        return d == null ? 0 : d.capacity();
    }

    /**
     * Returns {@code length} bytes of {@code data}, cut to the allocation length and to what the
     * transport's buffer holds; the transfer length reported is what the CDB asked for.
     */
    public CompletableFuture<ScsiCompletion> dataIn(byte[] data, int length, long allocationLength) {
        int wanted = (int) Math.min(length, allocationLength);
        int n = Math.min(wanted, dataInCapacity());
        if (n > 0) {
            ByteBuffer d = command.dataIn().duplicate();
            d.clear();
            d.put(data, 0, n);
        }
        return CompletableFuture.completedFuture(ScsiCompletion.good(n, wanted));
    }

    public static CompletableFuture<ScsiCompletion> good() {
        return CompletableFuture.completedFuture(ScsiCompletion.good(0, 0));
    }
}
