package io.glio.engine.nbd;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * NBD_CMD_TRIM (4) and NBD_CMD_WRITE_ZEROES (6), proto.md "Request types": WRITE SAME(16) with
 * NDOB (no data-out, a zero block), with UNMAP for TRIM and for WRITE_ZEROES without
 * NBD_CMD_FLAG_NO_HOLE when the LU may deallocate ({@code emulate_tpws}); in pieces of at most
 * {@code max_write_same_len} blocks, one after the other.
 * <pre>
 * request  magic | flags (FUA, NO_HOLE, FAST_ZERO) | type 4 or 6 | cookie | offset | length
 * reply    simple reply
 * </pre>
 */
final class ZeroCommand implements NbdCommand {

    static final ZeroCommand TRIM = new ZeroCommand(true);
    static final ZeroCommand WRITE_ZEROES = new ZeroCommand(false);

    private static final int UNMAP = 0x08;
    private static final int NDOB = 0x01;

    private final boolean trim;

    private ZeroCommand(boolean trim) {
        this.trim = trim;
    }

    @Override
    public CompletableFuture<List<ByteBuffer>> execute(NbdRequest r, Transmission t) {
        LunExport export = t.export();
        if (trim && !export.canTrim()) {
            return t.error(r, Nbd.EINVAL, "NBD_CMD_TRIM was not offered: the LU has emulate_tpws=0");
        }
        if (r.has(Nbd.CMD_FLAG_FAST_ZERO)) {
            // NBD_FLAG_SEND_FAST_ZERO is not offered: zeroing may be as slow as writing
            return t.error(r, Nbd.ENOTSUP, "NBD_CMD_FLAG_FAST_ZERO is not supported");
        }
        CompletableFuture<List<ByteBuffer>> bad = t.checkRange(r, true);
        if (bad != null) {
            return bad;
        }
        boolean unmap = trim || (!r.has(Nbd.CMD_FLAG_NO_HOLE) && export.canTrim());
        int flags = NDOB | (unmap ? UNMAP : 0);
        int bs = export.blockSize();
        return zero(export, flags, r.offset() / bs, r.length() / bs).thenCompose(c -> c == null ? t.ok(r)
                : t.outcome(r, c, true));
    }

    /** Runs the pieces in order; completes with the first failed piece's outcome, or null. */
    private static CompletableFuture<io.glio.engine.scsi.ScsiCompletion> zero(LunExport export, int flags, long lba,
                                                                           long blocks) {
        if (blocks == 0) {
            return CompletableFuture.completedFuture(null);
        }
        long n = Math.min(blocks, export.maxWriteSameBlocks());
        byte[] cdb = Cdbs.block16(Cdbs.WRITE_SAME_16, flags, lba, n);
        return export.submit(cdb, null, null).thenCompose(c -> NbdErrors.of(c, true) != 0
                ? CompletableFuture.completedFuture(c) : zero(export, flags, lba + n, blocks - n));
    }
}
