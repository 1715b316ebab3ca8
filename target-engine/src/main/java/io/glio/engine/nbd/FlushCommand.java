package io.glio.engine.nbd;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * NBD_CMD_FLUSH (3), proto.md "Request types": SYNCHRONIZE CACHE(16) of the whole LU (LBA 0,
 * 0 blocks): every write completed before it is on stable storage when the reply goes out.
 * <pre>
 * request  magic | flags 0 | type 3 | cookie | offset 0 | length 0
 * reply    simple reply
 * </pre>
 */
final class FlushCommand implements NbdCommand {

    static final FlushCommand INSTANCE = new FlushCommand();

    private FlushCommand() {
    }

    @Override
    public CompletableFuture<List<ByteBuffer>> execute(NbdRequest r, Transmission t) {
        byte[] cdb = Cdbs.block16(Cdbs.SYNCHRONIZE_CACHE_16, 0, 0, 0);
        return t.export().submit(cdb, null, null).thenCompose(c -> t.outcome(r, c, true));
    }
}
