package io.glio.engine.nbd;

import java.nio.ByteBuffer;

/**
 * One transmission-phase request (proto.md "Request message"):
 * <pre>
 *  0      4       6      8        16       24       28
 * +------+-------+------+--------+--------+--------+-------------------------+
 * |magic | flags | type | cookie | offset | length | data (NBD_CMD_WRITE only)|
 * +------+-------+------+--------+--------+--------+-------------------------+
 * </pre>
 * All fields big-endian; {@code offset} and {@code length} are unsigned on the wire.
 *
 * @param payload the write data (position 0, limit {@code length}), null for other commands
 */
public record NbdRequest(int flags, int type, long cookie, long offset, long length, ByteBuffer payload) {

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** Whether offset + length stays within {@code size} (both unsigned, no overflow). */
    public boolean within(long size) {
        return offset >= 0 && offset <= size && length <= size - offset;
    }

    @Override
    public String toString() {
        return "NbdRequest[type " + type + " flags 0x" + Integer.toHexString(flags) + " offset " + offset
                + " length " + length + "]";
    }
}
