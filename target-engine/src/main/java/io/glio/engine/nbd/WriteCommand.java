package io.glio.engine.nbd;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * NBD_CMD_WRITE (1), proto.md "Request types": WRITE(16), with the FUA bit when the request has
 * NBD_CMD_FLAG_FUA (the data is on stable storage when the reply goes out).
 * <pre>
 * request  magic | flags (FUA) | type 1 | cookie | offset | length | length bytes of data
 * reply    simple reply
 * </pre>
 */
final class WriteCommand implements NbdCommand {

    static final WriteCommand INSTANCE = new WriteCommand();
    private static final int FUA = 0x08;

    private WriteCommand() {
    }

    @Override
    public CompletableFuture<List<ByteBuffer>> execute(NbdRequest r, Transmission t) {
        CompletableFuture<List<ByteBuffer>> bad = t.checkRange(r, true);
        if (bad != null) {
            return bad;
        }
        int bs = t.export().blockSize();
        byte[] cdb = Cdbs.block16(Cdbs.WRITE_16, r.has(Nbd.CMD_FLAG_FUA) ? FUA : 0, r.offset() / bs, r.length() / bs);
        return t.export().submit(cdb, r.payload(), null).thenCompose(c -> t.outcome(r, c, true));
    }
}
