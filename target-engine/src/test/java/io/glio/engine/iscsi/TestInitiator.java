package io.glio.engine.iscsi;

import io.glio.engine.iscsi.pdu.Bhs;
import io.glio.engine.iscsi.pdu.LoginRequest;
import io.glio.engine.iscsi.pdu.LoginResponse;
import io.glio.engine.iscsi.pdu.Lun;
import io.glio.engine.iscsi.pdu.PduEncoder;
import io.glio.engine.iscsi.pdu.PduFramingException;
import io.glio.engine.iscsi.pdu.PduParser;
import io.glio.engine.iscsi.pdu.RawPdu;
import io.glio.engine.iscsi.pdu.ScsiCommandRequest;
import io.glio.engine.iscsi.session.ConnectionServices;
import io.glio.engine.iscsi.session.IscsiConnection;
import io.netty.buffer.ByteBuf;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** Drives an {@link IscsiConnection} on an EmbeddedChannel the way an initiator would. */
final class TestInitiator {

    final EmbeddedChannel channel;
    final IscsiConnection connection;
    final TrackingAllocator allocator;
    private final PduParser parser = new PduParser();
    int cmdSn = 1;
    int itt = 0x100;
    private boolean headerDigest;
    private boolean dataDigest;

    TestInitiator(ConnectionServices services, TrackingAllocator allocator) {
        this.allocator = allocator;
        this.connection = new IscsiConnection(services, new SecureRandom());
        this.channel = new EmbeddedChannel();
        channel.config().setAllocator(allocator);
        channel.pipeline().addLast(connection);
        parser.maxDataSegmentLength(16 * 1024 * 1024);
    }

    void digests(boolean header, boolean data) {
        headerDigest = header;
        dataDigest = data;
        parser.digests(header, data);
    }

    void send(RawPdu pdu) {
        sendBytes(PduEncoder.toBytes(pdu, headerDigest, dataDigest));
    }

    void sendBytes(byte[] bytes) {
        ByteBuf in = allocator.buffer(bytes.length);
        in.writeBytes(bytes);
        channel.writeInbound(in);
        channel.runPendingTasks();
    }

    /**
     * Delivers bytes as a socket channel reads them: each read into the buffer the channel's
     * receive allocator hands out, at most {@code maxRead} bytes per read.
     *
     * @return how many reads went straight into a command's buffer (not into one of ours)
     */
    int sendAsSocketReads(byte[] bytes, int maxRead) {
        RecvByteBufAllocator.ExtendedHandle reads =
                (RecvByteBufAllocator.ExtendedHandle) channel.config().getRecvByteBufAllocator().newHandle();
        int inPlace = 0;
        for (int off = 0; off < bytes.length; ) {
            int before = allocator.count();
            ByteBuf b = reads.allocate(allocator);
            if (allocator.count() == before) {
                inPlace++;
            }
            int n = Math.min(Math.min(b.writableBytes(), maxRead), bytes.length - off);
            b.writeBytes(bytes, off, n);
            off += n;
            channel.writeInbound(b);
        }
        channel.runPendingTasks();
        return inPlace;
    }

    /** Every PDU the target wrote since the last call. */
    List<RawPdu> received() {
        channel.runPendingTasks();
        List<RawPdu> out = new ArrayList<>();
        ByteBuf b;
        while ((b = channel.readOutbound()) != null) {
            try {
                ByteBuffer bytes = b.nioBuffer();
                RawPdu p;
                while ((p = parser.parse(bytes)) != null) {
                    out.add(p);
                }
            } catch (PduFramingException e) {
                throw new AssertionError("target sent an unframeable PDU: " + e.getMessage(), e);
            } finally {
                b.release();
            }
        }
        return out;
    }

    static byte[] text(String... kv) {
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            t.append(kv[i]).append('=').append(kv[i + 1]).append('\0');
        }
        return t.toString().getBytes(StandardCharsets.UTF_8);
    }

    static LoginRequest loginRequest(long isid, String... kv) {
        return new LoginRequest(true, false, 1, 3, 0, 0, isid, 0, 0x1, 1, 1, 0, text(kv));
    }

    /** Logs in straight to full feature phase; returns the final Login Response. */
    LoginResponse login(long isid, String... kv) {
        send(loginRequest(isid, kv).encode());
        List<RawPdu> r = received();
        if (r.size() != 1) {
            throw new AssertionError("expected one login response, got " + r.size());
        }
        LoginResponse response = LoginResponse.decode(r.get(0));
        cmdSn = response.expCmdSn();
        return response;
    }

    ScsiCommandRequest command(byte[] cdb, boolean read, boolean write, int edtl, byte[] immediate, boolean fin) {
        byte[] full = java.util.Arrays.copyOf(cdb, 16);
        return new ScsiCommandRequest(false, fin, read, write, 1, Lun.encode(0), itt++, edtl, cmdSn++, 0, full,
                ByteBuffer.wrap(immediate == null ? new byte[0] : immediate));
    }

    static byte[] read10(int lba, int blocks) {
        byte[] c = new byte[10];
        c[0] = 0x28;
        ByteBuffer.wrap(c).putInt(2, lba).putShort(7, (short) blocks);
        return c;
    }

    static byte[] write10(int lba, int blocks) {
        byte[] c = read10(lba, blocks);
        c[0] = 0x2a;
        return c;
    }

    static int opcode(RawPdu p) {
        return Bhs.opcodeByte(p.bhs());
    }
}
