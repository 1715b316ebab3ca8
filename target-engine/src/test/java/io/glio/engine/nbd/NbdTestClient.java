package io.glio.engine.nbd;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A minimal NBD client for tests: fixed newstyle handshake, NBD_OPT_GO on one export, then
 * simple replies only (no structured replies). It sends what a careful client would not (a
 * WRITE to a read-only export), so the server's own checks are what answers.
 */
public final class NbdTestClient implements AutoCloseable {

    private final SocketChannel ch;
    private final int transmissionFlags;
    private long handles;

    private NbdTestClient(SocketChannel ch, int transmissionFlags) {
        this.ch = ch;
        this.transmissionFlags = transmissionFlags;
    }

    /** Connects to {@code socket} and enters transmission on {@code export} ({@code lun0}, ...). */
    public static NbdTestClient connect(Path socket, String export) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer greeting = read(ch, 18);
            if (greeting.getLong(0) != Nbd.NBDMAGIC || greeting.getLong(8) != Nbd.IHAVEOPT) {
                throw new IOException("not an NBD newstyle server");
            }
            write(ch, ByteBuffer.allocate(4).putInt(0, Nbd.FLAG_FIXED_NEWSTYLE | Nbd.FLAG_NO_ZEROES));
            byte[] name = export.getBytes(StandardCharsets.UTF_8);
            ByteBuffer go = ByteBuffer.allocate(16 + 4 + name.length + 2);
            go.putLong(Nbd.IHAVEOPT).putInt(Nbd.OPT_GO).putInt(4 + name.length + 2);
            go.putInt(name.length).put(name).putShort((short) 0).flip();
            write(ch, go);
            return new NbdTestClient(ch, awaitAck(ch));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Reads option replies up to NBD_REP_ACK; returns the transmission flags of NBD_INFO_EXPORT. */
    private static int awaitAck(SocketChannel ch) throws IOException {
        int flags = -1;
        for (;;) {
            ByteBuffer head = read(ch, 20);
            int type = head.getInt(12);
            ByteBuffer data = read(ch, head.getInt(16));
            if (type == Nbd.REP_ACK) {
                return flags;
            }
            if (type < 0) {
                throw new IOException("NBD_OPT_GO refused: reply type 0x" + Integer.toHexString(type));
            }
            if (type == Nbd.REP_INFO && data.getShort(0) == Nbd.INFO_EXPORT) {
                flags = data.getShort(10) & 0xffff;
            }
        }
    }

    /** The export's transmission flags ({@link Nbd#FLAG_READ_ONLY}, ...). */
    public int transmissionFlags() {
        return transmissionFlags;
    }

    /** Writes {@code data} at {@code offset}; returns the reply's error (0, {@link Nbd#EPERM}, ...). */
    public int write(long offset, byte[] data) throws IOException {
        write(ch, request(Nbd.CMD_WRITE, offset, data.length).put(data).flip());
        return reply(0);
    }

    /** Reads {@code length} bytes at {@code offset}; returns the reply's error. */
    public int read(long offset, int length) throws IOException {
        write(ch, request(Nbd.CMD_READ, offset, length).flip());
        return reply(length);
    }

    private ByteBuffer request(int type, long offset, int length) {
        ByteBuffer b = ByteBuffer.allocate(28 + (type == Nbd.CMD_WRITE ? length : 0));
        return b.putInt(Nbd.REQUEST_MAGIC).putShort((short) 0).putShort((short) type).putLong(++handles)
                .putLong(offset).putInt(length);
    }

    /** One simple reply to the last request (and its data when it succeeded); the error value. */
    private int reply(int dataLength) throws IOException {
        ByteBuffer r = read(ch, 16);
        if (r.getInt(0) != Nbd.SIMPLE_REPLY_MAGIC || r.getLong(8) != handles) {
            throw new IOException("unexpected reply magic or handle");
        }
        int error = r.getInt(4);
        if (error == 0 && dataLength > 0) {
            read(ch, dataLength);
        }
        return error;
    }

    private static ByteBuffer read(SocketChannel ch, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new IOException("server closed the connection");
            }
        }
        return b.flip();
    }

    private static void write(SocketChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            write(ch, request(Nbd.CMD_DISC, 0, 0).flip());
        } finally {
            ch.close();
        }
    }
}
