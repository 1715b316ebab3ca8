package io.glio.engine.nbd;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The handshake and request decoders on hand-built bytes, one field per line, no sockets. */
class NbdCodecTest {

    static final NbdExports EXPORTS = new NbdExports() {
        @Override
        public List<String> names() {
            return List.of("lun0");
        }

        @Override
        public Optional<Info> info(String name) {
            return name.equals("lun0") ? Optional.of(new Info(1 << 20, 512, 64 << 10, Nbd.FLAG_HAS_FLAGS)) : Optional.empty();
        }
    };

    private final List<ByteBuffer> replies = new ArrayList<>();
    private final NbdOptionDecoder decoder = new NbdOptionDecoder();
    private final NbdHandshake handshake = new NbdHandshake(EXPORTS, replies::add);

    static ByteBuffer option(int option, byte[] data) {
        return ByteBuffer.allocate(16 + data.length)
                .putLong(Nbd.IHAVEOPT)   // magic
                .putInt(option)          // option
                .putInt(data.length)     // length
                .put(data).flip();
    }

    static byte[] go(String name, int... infos) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(6 + n.length + 2 * infos.length)
                .putInt(n.length).put(n)     // export name
                .putShort((short) infos.length); // information requests
        for (int i : infos) {
            b.putShort((short) i);
        }
        return b.array();
    }

    /** Feeds {@code in} one byte at a time; returns the handshake's result, if it ended. */
    private NbdHandshake.Result feedByteByByte(ByteBuffer in) throws NbdException {
        NbdHandshake.Result result = null;
        while (in.hasRemaining()) {
            NbdOptionDecoder.Event e = decoder.decode(in.slice(in.position(), 1));
            in.position(in.position() + 1);
            if (e != null) {
                result = handshake.onEvent(e);
            }
        }
        return result;
    }

    @Test
    void goByteByByteAnswersBlockSizeExportAndAckThenEnds() throws NbdException {
        assertThat(feedByteByByte(ByteBuffer.allocate(4).putInt(Nbd.FLAG_FIXED_NEWSTYLE).flip())).isNull();
        assertThat(feedByteByByte(option(Nbd.OPT_STRUCTURED_REPLY, new byte[0]))).isNull();
        NbdHandshake.Result r = feedByteByByte(option(Nbd.OPT_GO, go("lun0", Nbd.INFO_BLOCK_SIZE)));

        assertThat(r).isEqualTo(new NbdHandshake.Result("lun0", true, false));
        assertThat(replies).hasSize(4);
        ByteBuffer blockSize = replies.get(1);
        assertThat(blockSize.getLong()).isEqualTo(Nbd.OPTION_REPLY_MAGIC);
        assertThat(blockSize.getInt()).isEqualTo(Nbd.OPT_GO);
        assertThat(blockSize.getInt()).isEqualTo(Nbd.REP_INFO);
        assertThat(blockSize.getInt()).isEqualTo(14);
        assertThat(blockSize.getShort()).isEqualTo((short) Nbd.INFO_BLOCK_SIZE);
        assertThat(blockSize.getInt()).isEqualTo(512);     // minimum: the LU's block size
        assertThat(blockSize.getInt()).isEqualTo(4096);    // preferred
        assertThat(blockSize.getInt()).isEqualTo(64 << 10); // the export's maximum, not the decoder's bound
        ByteBuffer export = replies.get(2).position(20);
        assertThat(export.getShort()).isEqualTo((short) Nbd.INFO_EXPORT);
        assertThat(export.getLong()).isEqualTo(1 << 20);
        assertThat(replies.get(3).getInt(12)).isEqualTo(Nbd.REP_ACK);
    }

    @Test
    void unknownExportIsAnErrorReplyAndTheHandshakeGoesOn() throws NbdException {
        feedByteByByte(ByteBuffer.allocate(4).putInt(Nbd.FLAG_FIXED_NEWSTYLE).flip());
        assertThat(feedByteByByte(option(Nbd.OPT_GO, go("lun7")))).isNull();
        assertThat(replies.get(0).getInt(12)).isEqualTo(Nbd.REP_ERR_UNKNOWN);
        assertThat(new String(replies.get(0).array(), 20, replies.get(0).limit() - 20, StandardCharsets.UTF_8))
                .isEqualTo("no export lun7 (exports: lun0)");
    }

    @Test
    void goWithACountThatDisagreesWithTheLengthIsInvalid() throws NbdException {
        feedByteByByte(ByteBuffer.allocate(4).putInt(Nbd.FLAG_FIXED_NEWSTYLE).flip());
        byte[] data = go("lun0", 3);
        data[data.length - 3] = 9; // information request count 9, but one request follows
        feedByteByByte(option(Nbd.OPT_GO, data));
        assertThat(replies.get(0).getInt(12)).isEqualTo(Nbd.REP_ERR_INVALID);
        assertThat(new String(replies.get(0).array(), 20, replies.get(0).limit() - 20, StandardCharsets.UTF_8))
                .isEqualTo("NBD_OPT_GO information request count: 9 (expected: 1 by the option's length)");
    }

    @Test
    void anOversizedOptionClosesBeforeAllocating() {
        ByteBuffer in = ByteBuffer.allocate(20).putInt(Nbd.FLAG_FIXED_NEWSTYLE)
                .putLong(Nbd.IHAVEOPT).putInt(Nbd.OPT_GO).putInt(-1).flip(); // length 4 GiB - 1
        assertThatThrownBy(() -> {
            decoder.decode(in);
            decoder.decode(in);
        }).isInstanceOf(NbdException.class)
                .hasMessage("option 7 length: 4294967295 (expected: <= " + Nbd.MAX_OPTION_LENGTH + ")");
    }

    @Test
    void unknownClientFlagsClose() {
        assertThatThrownBy(() -> decoder.decode(ByteBuffer.allocate(4).putInt(0x11).flip()))
                .isInstanceOf(NbdException.class)
                .hasMessage("client flags: 0x11 (expected: FIXED_NEWSTYLE and at most NO_ZEROES)");
    }

    static ByteBuffer request(int flags, int type, long cookie, long offset, int length) {
        return ByteBuffer.allocate(28)
                .putInt(Nbd.REQUEST_MAGIC) // magic
                .putShort((short) flags)   // command flags
                .putShort((short) type)    // type
                .putLong(cookie)           // cookie
                .putLong(offset)           // offset
                .putInt(length)            // length
                .flip();
    }

    @Test
    void aWriteComesWholeAfterItsPayloadByteByByte() throws NbdException {
        NbdRequestDecoder d = new NbdRequestDecoder();
        ByteBuffer in = ByteBuffer.allocate(28 + 8).put(request(Nbd.CMD_FLAG_FUA, Nbd.CMD_WRITE, 42, 4096, 8))
                .put(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}).flip();
        NbdRequest r = null;
        for (int i = 0; i < in.limit(); i++) {
            assertThat(r).as("complete before byte %d", i).isNull();
            r = d.decode(in.slice(i, 1));
        }
        assertThat(r).isNotNull();
        assertThat(r.cookie()).isEqualTo(42);
        assertThat(r.offset()).isEqualTo(4096);
        assertThat(r.has(Nbd.CMD_FLAG_FUA)).isTrue();
        assertThat(r.payload().remaining()).isEqualTo(8);
        assertThat(r.payload().get(7)).isEqualTo((byte) 8);
    }

    @Test
    void anOversizedWriteClosesBeforeAllocating() {
        NbdRequestDecoder d = new NbdRequestDecoder();
        assertThatThrownBy(() -> d.decode(request(0, Nbd.CMD_WRITE, 1, 0, Nbd.MAX_PAYLOAD + 1)))
                .isInstanceOf(NbdException.class)
                .hasMessage("NBD_CMD_WRITE length: " + (Nbd.MAX_PAYLOAD + 1) + " (expected: <= " + Nbd.MAX_PAYLOAD + ")");
    }

    @Test
    void aBadRequestMagicCloses() {
        ByteBuffer in = request(0, Nbd.CMD_READ, 1, 0, 512).putInt(0, 0x12345678);
        assertThatThrownBy(() -> new NbdRequestDecoder().decode(in)).isInstanceOf(NbdException.class)
                .hasMessage("request magic: 0x12345678 (expected: 0x25609513)");
    }

    @Test
    void exportNamesAreCanonicalLunNumbers() {
        assertThat(NbdConnection.lunOf("lun0")).contains(0);
        assertThat(NbdConnection.lunOf("lun17")).contains(17);
        assertThat(NbdConnection.lunOf("lun01")).isEmpty();
        assertThat(NbdConnection.lunOf("lun")).isEmpty();
        assertThat(NbdConnection.lunOf("lun99999999999")).isEmpty();
    }
}
