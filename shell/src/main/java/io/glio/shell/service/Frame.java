package io.glio.shell.service;

import java.nio.ByteBuffer;

/**
 * One frame of the protocol between {@code targetcli} and {@code targetcli serve} on the service's
 * Unix socket:
 * <pre>
 * +--------+--------+--------+--------+--------+------------------------------+
 * |  type  |  payload length (uint32, big-endian) |  payload (length bytes)      |
 * +--------+--------+--------+--------+--------+------------------------------+
 * </pre>
 * The client sends {@link Type#HELLO} first and then {@link Type#LINE}, {@link Type#COMPLETE}
 * and {@link Type#BYE}; the service answers the hello with {@link Type#WELCOME} or
 * {@link Type#REFUSED}, a line with {@link Type#OUT}/{@link Type#ERR} frames then one
 * {@link Type#DONE}, a completion request with {@link Type#CANDIDATES}. Payload fields are
 * written by {@link Payload}; {@link Messages} gives each frame's fields a name.
 */
public record Frame(Type type, byte[] payload) {

    /** Bytes before the payload: the type and the length. */
    public static final int HEADER_LENGTH = 5;
    /** Largest payload accepted; longer output is sent as several frames. */
    public static final int MAX_PAYLOAD = 1 << 20;

    /** The frame types and their byte on the wire. */
    public enum Type {
        HELLO(1), WELCOME(2), REFUSED(3), LINE(4), OUT(5), ERR(6), DONE(7), COMPLETE(8), CANDIDATES(9), BYE(10);

        private final byte code;

        Type(int code) {
            this.code = (byte) code;
        }

        public byte code() {
            return code;
        }

        /** The type of {@code code}; a {@link FrameException} for a byte no type has. */
        public static Type of(byte code) {
            for (Type t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            throw new FrameException("type: " + (code & 0xff) + " (expected: 1.." + values().length + ")");
        }
    }

    public Frame {
        if (payload.length > MAX_PAYLOAD) {
            throw new FrameException("length: " + payload.length + " (expected: <= " + MAX_PAYLOAD + ")");
        }
    }

    /** The frame as it goes on the wire. */
    public ByteBuffer encode() {
        ByteBuffer b = ByteBuffer.allocate(HEADER_LENGTH + payload.length);
        b.put(type.code).putInt(payload.length).put(payload);
        return b.flip();
    }
}
