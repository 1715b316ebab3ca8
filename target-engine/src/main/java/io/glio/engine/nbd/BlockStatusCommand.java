package io.glio.engine.nbd;

import io.glio.engine.scsi.Cdb;
import io.glio.engine.scsi.ScsiCompletion;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * NBD_CMD_BLOCK_STATUS (7) for {@code base:allocation}, proto.md "Metadata querying": GET LBA
 * STATUS from the offset, one run at a time, until the range is covered (or one extent with
 * NBD_CMD_FLAG_REQ_ONE, or {@link #MAX_EXTENTS}); a deallocated run is a hole that reads as zeroes.
 * <pre>
 * request  magic | flags (REQ_ONE) | type 7 | cookie | offset | length
 * reply    0x668e33ef | DONE | 5 | cookie | 4 + 8n | context id (32) | n x (length (32), flags (32))
 * </pre>
 */
final class BlockStatusCommand implements NbdCommand {

    static final BlockStatusCommand INSTANCE = new BlockStatusCommand();

    /** Extents per reply: bounds the work of one request; the client asks again from where it ended. */
    static final int MAX_EXTENTS = 128;
    private static final int SERVICE_ACTION_IN_16 = 0x9e;
    private static final int GET_LBA_STATUS = 0x12;
    private static final int ONE_DESCRIPTOR = 24;

    private BlockStatusCommand() {
    }

    @Override
    public CompletableFuture<List<ByteBuffer>> execute(NbdRequest r, Transmission t) {
        if (!t.baseAllocation()) {
            return t.error(r, Nbd.EINVAL, "NBD_CMD_BLOCK_STATUS without base:allocation selected");
        }
        if (r.length() == 0) {
            return t.error(r, Nbd.EINVAL, "NBD_CMD_BLOCK_STATUS length: 0 (expected: > 0)");
        }
        CompletableFuture<List<ByteBuffer>> bad = t.checkRange(r, false);
        if (bad != null) {
            return bad;
        }
        int bs = t.export().blockSize();
        int max = r.has(Nbd.CMD_FLAG_REQ_ONE) ? 1 : MAX_EXTENTS;
        List<NbdReplies.Extent> extents = new ArrayList<>();
        return collect(t, r.offset() / bs, r.length() / bs, max, extents).thenCompose(c -> c != null
                ? t.outcome(r, c, false)
                : Transmission.reply(NbdReplies.blockStatus(r.cookie(), Nbd.BASE_ALLOCATION_ID, extents)));
    }

    /** Adds the runs from {@code lba} on; completes with null, or the failed GET LBA STATUS's outcome. */
    private static CompletableFuture<ScsiCompletion> collect(Transmission t, long lba, long blocks, int max,
                                                             List<NbdReplies.Extent> extents) {
        byte[] cdb = Cdbs.block16(SERVICE_ACTION_IN_16, GET_LBA_STATUS, lba, ONE_DESCRIPTOR);
        ByteBuffer data = ByteBuffer.allocate(ONE_DESCRIPTOR);
        return t.export().submit(cdb, null, data).thenCompose(c -> {
            if (NbdErrors.of(c, false) != 0) {
                return CompletableFuture.completedFuture(c);
            }
            byte[] d = data.array();
            long run = Math.min(Math.max(1, Cdb.u32(d, 16)), blocks);
            int flags = d[20] == 0 ? 0 : Nbd.STATE_HOLE | Nbd.STATE_ZERO;
            addOrMerge(extents, run * t.export().blockSize(), flags);
            if (run == blocks || extents.size() >= max) {
                return CompletableFuture.completedFuture(null);
            }
            return collect(t, lba + run, blocks - run, max, extents);
        });
    }

    private static void addOrMerge(List<NbdReplies.Extent> extents, long bytes, int flags) {
        int last = extents.size() - 1;
        if (last >= 0 && extents.get(last).flags() == flags) {
            extents.set(last, new NbdReplies.Extent(extents.get(last).length() + bytes, flags));
        } else {
            extents.add(new NbdReplies.Extent(bytes, flags));
        }
    }
}
