package io.glio.engine.nbd;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * NBD_CMD_READ (0), proto.md "Request types": READ(16) of {@code length} bytes at {@code offset}.
 * <pre>
 * request  magic | flags (DF) | type 0 | cookie | offset | length
 * reply    simple reply + length bytes, or a structured OFFSET_DATA chunk with DONE:
 *          0x668e33ef | DONE | 1 | cookie | 8 + length | offset (64) | data
 * </pre>
 * The data comes back in one chunk, which is what NBD_CMD_FLAG_DF asks for.
 */
final class ReadCommand implements NbdCommand {

    static final ReadCommand INSTANCE = new ReadCommand();

    private ReadCommand() {
    }

    @Override
    public CompletableFuture<List<ByteBuffer>> execute(NbdRequest r, Transmission t) {
        if (r.length() > Nbd.MAX_PAYLOAD) {
            return t.error(r, Nbd.EOVERFLOW, "read length " + r.length() + " (expected: <= " + Nbd.MAX_PAYLOAD + ")");
        }
        CompletableFuture<List<ByteBuffer>> bad = t.checkRange(r, false);
        if (bad != null) {
            return bad;
        }
        int bs = t.export().blockSize();
        ByteBuffer data = ByteBuffer.allocate((int) r.length());
        byte[] cdb = Cdbs.block16(Cdbs.READ_16, 0, r.offset() / bs, r.length() / bs);
        return t.export().submit(cdb, null, data).thenCompose(c -> {
            if (NbdErrors.of(c, false) != 0) {
                return t.outcome(r, c, false);
            }
            data.position(0).limit((int) r.length());
            ByteBuffer header = t.structured() ? NbdReplies.offsetDataHeader(r.cookie(), r.offset(), data.remaining())
                    : NbdReplies.simple(r.cookie(), 0);
            return Transmission.reply(header, data);
        });
    }
}
