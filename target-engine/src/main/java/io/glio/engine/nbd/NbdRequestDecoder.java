package io.glio.engine.nbd;

import java.nio.ByteBuffer;

/**
 * Requests of the transmission phase as bytes: the 28-byte header of {@link NbdRequest}, then for
 * NBD_CMD_WRITE the payload. An explicit state machine ({@link #decode} returns null until a whole
 * request is in); a payload is allocated only after its length was checked against
 * {@link Nbd#MAX_PAYLOAD}, and a bad magic or oversized write ends the connection (proto.md: there
 * is no way to find the next request of a stream whose framing is lost).
 */
public final class NbdRequestDecoder {

    static final int HEADER_LENGTH = 28;

    private enum State { HEADER, PAYLOAD }

    private State state = State.HEADER;
    private final ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH);
    private NbdRequest pending;
    private ByteBuffer payload;

    /** Consumes bytes of {@code in}; returns the next whole request, or null when {@code in} ran out. */
    public NbdRequest decode(ByteBuffer in) throws NbdException {
        for (;;) {
            switch (state) {
                case HEADER -> {
                    NbdOptionDecoder.move(in, header);
                    if (header.hasRemaining()) {
                        return null;
                    }
                    NbdRequest r = parseHeader();
                    if (r.type() != Nbd.CMD_WRITE) {
                        return r;
                    }
                    pending = r;
                    payload = ByteBuffer.allocate((int) r.length());
                    state = State.PAYLOAD;
                }
                case PAYLOAD -> {
                    NbdOptionDecoder.move(in, payload);
                    if (payload.hasRemaining()) {
                        return null;
                    }
                    NbdRequest r = pending;
                    ByteBuffer data = payload.flip();
                    pending = null;
                    payload = null;
                    state = State.HEADER;
                    return new NbdRequest(r.flags(), r.type(), r.cookie(), r.offset(), r.length(), data);
                }
            }
        }
    }

    private NbdRequest parseHeader() throws NbdException {
        header.flip();
        int magic = header.getInt();
        int flags = Short.toUnsignedInt(header.getShort());
        int type = Short.toUnsignedInt(header.getShort());
        long cookie = header.getLong();
        long offset = header.getLong();
        long length = Integer.toUnsignedLong(header.getInt());
        header.clear();
        if (magic != Nbd.REQUEST_MAGIC) {
            throw new NbdException("request magic: 0x" + Integer.toHexString(magic) + " (expected: 0x"
                    + Integer.toHexString(Nbd.REQUEST_MAGIC) + ")");
        }
        if (type == Nbd.CMD_WRITE && length > Nbd.MAX_PAYLOAD) {
            throw new NbdException("NBD_CMD_WRITE length: " + length + " (expected: <= " + Nbd.MAX_PAYLOAD + ")");
        }
        return new NbdRequest(flags, type, cookie, offset, length, null);
    }
}
