package io.glio.engine.nbd;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Every message the server sends, as big-endian bytes (proto.md):
 * <pre>
 * greeting       NBDMAGIC (64) | IHAVEOPT (64) | handshake flags (16)
 * option reply   0x3e889045565a9 (64) | option (32) | reply type (32) | length (32) | data
 * simple reply   0x67446698 (32) | error (32) | cookie (64) | [read data]
 * structured     0x668e33ef (32) | flags (16) | type (16) | cookie (64) | length (32) | payload
 *   OFFSET_DATA  offset (64) | data          BLOCK_STATUS  context id (32) | n x (length, flags)
 *   ERROR        error (32) | message length (16) | message
 * </pre>
 */
final class NbdReplies {

    /** An extent of a BLOCK_STATUS reply: its length and base:allocation flags. */
    record Extent(long length, int flags) {
    }

    private NbdReplies() {
    }

    static ByteBuffer greeting() {
        return ByteBuffer.allocate(18).putLong(Nbd.NBDMAGIC).putLong(Nbd.IHAVEOPT)
                .putShort((short) (Nbd.FLAG_FIXED_NEWSTYLE | Nbd.FLAG_NO_ZEROES)).flip();
    }

    static ByteBuffer option(int option, int type, ByteBuffer data) {
        return ByteBuffer.allocate(20 + data.remaining()).putLong(Nbd.OPTION_REPLY_MAGIC).putInt(option)
                .putInt(type).putInt(data.remaining()).put(data.duplicate()).flip();
    }

    static ByteBuffer ack(int option) {
        return option(option, Nbd.REP_ACK, ByteBuffer.allocate(0));
    }

    static ByteBuffer error(int option, int type, String message) {
        return option(option, type, ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8)));
    }

    static ByteBuffer server(int option, String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        return option(option, Nbd.REP_SERVER, ByteBuffer.allocate(4 + n.length).putInt(n.length).put(n).flip());
    }

    static ByteBuffer infoExport(int option, long size, int flags) {
        return option(option, Nbd.REP_INFO, ByteBuffer.allocate(12).putShort((short) Nbd.INFO_EXPORT)
                .putLong(size).putShort((short) flags).flip());
    }

    static ByteBuffer infoBlockSize(int option, int minimum, int preferred, int maximum) {
        return option(option, Nbd.REP_INFO, ByteBuffer.allocate(14).putShort((short) Nbd.INFO_BLOCK_SIZE)
                .putInt(minimum).putInt(preferred).putInt(maximum).flip());
    }

    static ByteBuffer infoName(int option, String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        return option(option, Nbd.REP_INFO, ByteBuffer.allocate(2 + n.length).putShort((short) Nbd.INFO_NAME)
                .put(n).flip());
    }

    static ByteBuffer metaContext(int option, int id, String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        return option(option, Nbd.REP_META_CONTEXT, ByteBuffer.allocate(4 + n.length).putInt(id).put(n).flip());
    }

    /** The reply to NBD_OPT_EXPORT_NAME: size, transmission flags, 124 zeroes unless NO_ZEROES. */
    static ByteBuffer exportName(long size, int flags, boolean noZeroes) {
        return ByteBuffer.allocate(noZeroes ? 10 : 134).putLong(size).putShort((short) flags).clear();
    }

    static ByteBuffer simple(long cookie, int error) {
        return ByteBuffer.allocate(16).putInt(Nbd.SIMPLE_REPLY_MAGIC).putInt(error).putLong(cookie).flip();
    }

    /** The header of a DONE OFFSET_DATA chunk; the data follows it. */
    static ByteBuffer offsetDataHeader(long cookie, long offset, int dataLength) {
        return structured(cookie, Nbd.REPLY_TYPE_OFFSET_DATA, 8 + dataLength).putLong(offset).flip();
    }

    static ByteBuffer structuredError(long cookie, int error, String message) {
        byte[] m = message.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(m.length, 4096);
        return structured(cookie, Nbd.REPLY_TYPE_ERROR, 6 + n).putInt(error).putShort((short) n).put(m, 0, n).flip();
    }

    static ByteBuffer blockStatus(long cookie, int contextId, List<Extent> extents) {
        ByteBuffer b = structured(cookie, Nbd.REPLY_TYPE_BLOCK_STATUS, 4 + 8 * extents.size()).putInt(contextId);
        for (Extent e : extents) {
            b.putInt((int) e.length()).putInt(e.flags());
        }
        return b.flip();
    }

    private static ByteBuffer structured(long cookie, int type, int length) {
        return ByteBuffer.allocate(20 + length).putInt(Nbd.STRUCTURED_REPLY_MAGIC)
                .putShort((short) Nbd.REPLY_FLAG_DONE).putShort((short) type).putLong(cookie).putInt(length);
    }
}
