package io.glio.engine.nbd;

import java.nio.ByteBuffer;

/**
 * The client's side of the fixed newstyle handshake as bytes (proto.md "Newstyle negotiation"):
 * its 32-bit client flags, then options, each
 * <pre>
 *  0       8       12       16
 * +-------+--------+--------+----------------+
 * |IHAVEOPT| option | length | data (length)  |
 * +-------+--------+--------+----------------+
 * </pre>
 * An explicit state machine over whatever bytes arrived ({@link #decode} returns null when it needs
 * more); the option data is allocated only after its length was checked against
 * {@link Nbd#MAX_OPTION_LENGTH}.
 */
public final class NbdOptionDecoder {

    /** What the decoder produced. */
    public sealed interface Event permits ClientFlags, RawOption {
    }

    /** The client flags (NBD_FLAG_C_FIXED_NEWSTYLE, NBD_FLAG_C_NO_ZEROES). */
    public record ClientFlags(int flags) implements Event {
    }

    /** One option with its data, not interpreted yet. */
    public record RawOption(int option, ByteBuffer data) implements Event {
    }

    private enum State { CLIENT_FLAGS, OPTION_HEADER, OPTION_DATA }

    private static final int KNOWN_CLIENT_FLAGS = Nbd.FLAG_FIXED_NEWSTYLE | Nbd.FLAG_NO_ZEROES;

    private State state = State.CLIENT_FLAGS;
    private final ByteBuffer header = ByteBuffer.allocate(16);
    private int option;
    private ByteBuffer data;

    /** Consumes bytes of {@code in}; returns the next event, or null when {@code in} ran out first. */
    public Event decode(ByteBuffer in) throws NbdException {
        for (;;) {
            switch (state) {
                case CLIENT_FLAGS -> {
                    if (!fill(in, 4)) {
                        return null;
                    }
                    return clientFlags();
                }
                case OPTION_HEADER -> {
                    if (!fill(in, 16)) {
                        return null;
                    }
                    startOption();
                }
                case OPTION_DATA -> {
                    move(in, data);
                    if (data.hasRemaining()) {
                        return null;
                    }
                    state = State.OPTION_HEADER;
                    ByteBuffer done = data.flip();
                    data = null;
                    return new RawOption(option, done);
                }
            }
        }
    }

    private Event clientFlags() throws NbdException {
        int flags = header.flip().getInt();
        header.clear();
        // proto.md: a server MUST close the connection on client flags it does not know, and a
        // fixed newstyle server on a client without NBD_FLAG_C_FIXED_NEWSTYLE may.
        if ((flags & ~KNOWN_CLIENT_FLAGS) != 0 || (flags & Nbd.FLAG_FIXED_NEWSTYLE) == 0) {
            throw new NbdException("client flags: 0x" + Integer.toHexString(flags) + " (expected: FIXED_NEWSTYLE"
                    + " and at most NO_ZEROES)");
        }
        state = State.OPTION_HEADER;
        return new ClientFlags(flags);
    }

    private void startOption() throws NbdException {
        header.flip();
        long magic = header.getLong();
        option = header.getInt();
        long length = Integer.toUnsignedLong(header.getInt());
        header.clear();
        if (magic != Nbd.IHAVEOPT) {
            throw new NbdException("option magic: 0x" + Long.toHexString(magic) + " (expected: IHAVEOPT)");
        }
        if (length > Nbd.MAX_OPTION_LENGTH) {
            throw new NbdException("option " + option + " length: " + length + " (expected: <= "
                    + Nbd.MAX_OPTION_LENGTH + ")");
        }
        data = ByteBuffer.allocate((int) length);
        state = State.OPTION_DATA;
    }

    /** Moves bytes into {@link #header} until it holds {@code n}; whether it does. */
    private boolean fill(ByteBuffer in, int n) {
        header.limit(n);
        move(in, header);
        return !header.hasRemaining();
    }

    static void move(ByteBuffer from, ByteBuffer to) {
        int n = Math.min(from.remaining(), to.remaining());
        to.put(from.slice(from.position(), n));
        from.position(from.position() + n);
    }
}
