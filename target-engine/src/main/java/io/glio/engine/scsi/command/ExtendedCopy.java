package io.glio.engine.scsi.command;

import io.glio.engine.backing.BackingStore;
import io.glio.engine.scsi.AbstractOperation;
import io.glio.engine.scsi.Cdb;
import io.glio.engine.scsi.CommandContext;
import io.glio.engine.scsi.CompletedCopies;
import io.glio.engine.scsi.LbaRangeLocks;
import io.glio.engine.scsi.LogicalUnit;
import io.glio.engine.scsi.LunAccess;
import io.glio.engine.scsi.OperationInfo;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.identity.NaaDesignator;
import io.glio.engine.scsi.pr.AccessKind;
import io.glio.engine.scsi.sense.CopyAborted;
import io.glio.engine.scsi.sense.CopyTargetDeviceNotReachable;
import io.glio.engine.scsi.sense.InvalidOpcode;
import io.glio.engine.scsi.sense.ScsiException;
import io.glio.engine.scsi.sense.WriteProtected;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * EXTENDED COPY (LID1) (SPC-4 6.4, opcode 0x83 service action 0x00) as LIO's target_core_xcopy:
 * with {@code emulate_3pc=1}, one block-to-block segment between two LUs named by their NAA
 * designator (VPD 0x83), one of which is the LU the command arrived on; the other is looked up
 * among the LUs this nexus can reach (as LIO since the CVE-2020-28374 fix: an initiator cannot
 * copy from or to an LU its ACL does not map) and must have {@code emulate_3pc=1} too. Both
 * may be the same LU. The parameter list is {@link CopyParameterList}; LID4 (service action
 * 0x01) is INVALID COMMAND OPERATION CODE, as LIO.
 *
 * <p>The copy reads the source's backing store and writes the destination's in chunks of at
 * most 4096 blocks (LIO's XCOPY_MAX_SECTORS, bounded by both LUs' maximum transfer length);
 * ranges are checked before the first block moves, and overlapping ranges on one LU are copied
 * from the end when the destination lies above the source, so the result is the source's old
 * content.
 */
public final class ExtendedCopy extends AbstractOperation {

    /** LIO's XCOPY_MAX_SECTORS. */
    static final int MAX_CHUNK_BLOCKS = 4096;

    public ExtendedCopy() {
        super(new OperationInfo(0x83, -1, "EXTENDED COPY", OperationInfo.bytes(0x83, 0x1f, 0x00, 0x00, 0x00,
                0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00), AccessKind.WRITE,
                false, false, true));
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        byte[] cdb = ctx.cdb();
        if (!ctx.settings().thirdPartyCopy() || (cdb[1] & 0x1f) != 0) {
            throw new InvalidOpcode(); // emulate_3pc=0, or EXTENDED COPY(LID4)
        }
        long paramLength = Cdb.u32(cdb, 10);
        if (paramLength == 0) {
            return CommandContext.good();
        }
        ByteBuffer data = ctx.dataOut();
        byte[] p = new byte[(int) Math.min(paramLength, data.remaining())];
        data.get(p);
        CopyParameterList list = CopyParameterList.parse(p);
        CopyParameterList.Segment segment = list.segment();
        LunAccess source = copyTarget(ctx, list, segment.source(), segment.destination());
        LunAccess destination = copyTarget(ctx, list, segment.destination(), segment.source());
        int blockSize = source.unit().settings().blockSize();
        if (destination.unit().settings().blockSize() != blockSize) {
            throw new CopyAborted("source block size " + blockSize + " differs from the destination's "
                    + destination.unit().settings().blockSize());
        }
        if (destination.readOnly() || destination.unit().settings().readOnly()) {
            throw new WriteProtected();
        }
        BackingStore from = store(ctx, source);
        BackingStore to = store(ctx, destination);
        checkRange("source", source.unit(), segment.sourceLba(), segment.blocks());
        checkRange("destination", destination.unit(), segment.destinationLba(), segment.blocks());
        Runnable recordDone = () -> recordForCopyStatus(ctx, p, segment.blocks() * (long) blockSize);
        if (segment.blocks() == 0) {
            recordDone.run();
            return CompletableFuture.completedFuture(ScsiCompletion.good(0, paramLength));
        }
        long chunk = Math.min(MAX_CHUNK_BLOCKS, Math.min(source.unit().settings().maxTransferBlocks(),
                destination.unit().settings().maxTransferBlocks()));
        boolean backwards = source.unit() == destination.unit() && segment.destinationLba() > segment.sourceLba();
        Copy copy = new Copy(from, to, source.unit().rangeLocks(), destination.unit().rangeLocks(), segment.sourceLba(), segment.destinationLba(), segment.blocks(), blockSize,
                (int) Math.max(1, Math.min(chunk, segment.blocks())), backwards);
        return copy.from(0).thenApply(v -> {
            recordDone.run();
            return ScsiCompletion.good(0, paramLength);
        });
    }

    /**
     * Keeps a finished copy for RECEIVE COPY RESULTS / COPY STATUS unless the parameter list
     * says its LIST IDENTIFIER is not to be used (LIST ID USAGE 11b, SPC-3 6.3.3).
     */
    private static void recordForCopyStatus(CommandContext ctx, byte[] parameters, long bytes) {
        int listIdUsage = (parameters[1] >> 3) & 0x3;
        if (listIdUsage != 0x3) {
            ctx.unit().completedCopies().add(
                    new CompletedCopies.Copy(ctx.nexusKey(), parameters[0] & 0xff, 1, bytes));
        }
    }

    /**
     * The LU of CSCD {@code id}. LIO's rule: the command's own LU must be the source or the
     * destination; the other one is found by NAA among the nexus's LUNs.
     */
    private static LunAccess copyTarget(CommandContext ctx, CopyParameterList list, int id, int otherId)
            throws ScsiException {
        if (id >= list.designators().size()) {
            throw new CopyTargetDeviceNotReachable("CSCD ID " + id + " is not in the CSCD list of "
                    + list.designators().size());
        }
        byte[] wanted = list.designators().get(id);
        byte[] local = NaaDesignator.of(ctx.unit().wwn());
        if (Arrays.equals(wanted, local)) {
            return ctx.access();
        }
        boolean otherIsLocal = otherId < list.designators().size()
                && Arrays.equals(list.designators().get(otherId), local);
        if (!otherIsLocal) {
            throw new CopyTargetDeviceNotReachable("neither CSCD " + id + " nor " + otherId
                    + " is the LU the command was sent to");
        }
        return reachable(ctx, wanted).orElseThrow(() -> new CopyTargetDeviceNotReachable(
                "no LU with 3PC enabled and NAA " + hex(wanted) + " is mapped to this nexus"));
    }

    private static Optional<LunAccess> reachable(CommandContext ctx, byte[] naa) {
        for (int lun : ctx.session().lunMap().luns()) {
            Optional<LunAccess> a = ctx.session().lunMap().lookup(lun);
            if (a.isPresent()) {
                LogicalUnit unit = a.get().unit();
                if (unit.settings().thirdPartyCopy() && Arrays.equals(NaaDesignator.of(unit.wwn()), naa)) {
                    return a;
                }
            }
        }
        return Optional.empty();
    }

    private static BackingStore store(CommandContext ctx, LunAccess target) throws ScsiException {
        if (target.unit() == ctx.unit()) {
            return ctx.store();
        }
        BackingStore s = target.unit().store();
        if (s == null || !s.isReady()) {
            throw new CopyTargetDeviceNotReachable(target.unit().name() + " is not ready");
        }
        return s;
    }

    private static void checkRange(String role, LogicalUnit unit, long lba, long blocks) throws CopyAborted {
        long capacity = unit.capacityBlocks();
        if (lba < 0 || lba > capacity || blocks > capacity - lba) {
            throw new CopyAborted(role + " LBA " + lba + " + " + blocks + " blocks passes the capacity of "
                    + capacity + " blocks of " + unit.name());
        }
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02x", x));
        }
        return s.toString();
    }

    /**
     * One segment's block moves through one reused buffer, chunk after chunk, never blocking;
     * each chunk's read and write hold their blocks shared, so none lands inside an atomic write.
     */
    private record Copy(BackingStore from, BackingStore to, LbaRangeLocks fromLocks, LbaRangeLocks toLocks,
                        long sourceLba, long destinationLba, long blocks,
                        int blockSize, int chunkBlocks, boolean backwards) {

        CompletableFuture<Void> from(long done) {
            return step(ByteBuffer.allocate(chunkBlocks * blockSize), done);
        }

        private CompletableFuture<Void> step(ByteBuffer buffer, long done) {
            if (done >= blocks) {
                return CompletableFuture.completedFuture(null);
            }
            int n = (int) Math.min(chunkBlocks, blocks - done);
            long at = backwards ? blocks - done - n : done;
            int bytes = n * blockSize;
            return fromLocks.shared(sourceLba + at, n,
                            () -> from.read((sourceLba + at) * blockSize, buffer.duplicate().clear().limit(bytes)))
                    .thenCompose(v -> toLocks.shared(destinationLba + at, n, () -> to.write(
                            (destinationLba + at) * blockSize, buffer.duplicate().clear().limit(bytes), false)))
                    .thenCompose(v -> step(buffer, done + n));
        }
    }
}
