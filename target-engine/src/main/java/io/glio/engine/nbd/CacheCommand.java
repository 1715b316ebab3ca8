package io.glio.engine.nbd;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * NBD_CMD_CACHE (5), proto.md "Request types": PRE-FETCH(16) of the range, an advisory read-ahead.
 * <pre>
 * request  magic | flags 0 | type 5 | cookie | offset | length
 * reply    simple reply
 * </pre>
 */
final class CacheCommand implements NbdCommand {

    static final CacheCommand INSTANCE = new CacheCommand();
    /** CONDITION MET (SBC-3 5.9): PRE-FETCH's success when the cache could hold the range. */
    private static final int CONDITION_MET = 0x04;

    private CacheCommand() {
    }

    @Override
    public CompletableFuture<List<ByteBuffer>> execute(NbdRequest r, Transmission t) {
        CompletableFuture<List<ByteBuffer>> bad = t.checkRange(r, false);
        if (bad != null) {
            return bad;
        }
        int bs = t.export().blockSize();
        byte[] cdb = Cdbs.block16(Cdbs.PRE_FETCH_16, 0, r.offset() / bs, r.length() / bs);
        return t.export().submit(cdb, null, null).thenCompose(c -> c.status() == CONDITION_MET ? t.ok(r)
                : t.outcome(r, c, false));
    }
}
