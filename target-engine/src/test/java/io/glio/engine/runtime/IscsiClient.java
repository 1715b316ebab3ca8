package io.glio.engine.runtime;

import io.glio.engine.iscsi.login.Chap;
import io.glio.engine.iscsi.pdu.Bhs;
import io.glio.engine.iscsi.pdu.DataIn;
import io.glio.engine.iscsi.pdu.DataOut;
import io.glio.engine.iscsi.pdu.LoginRequest;
import io.glio.engine.iscsi.pdu.LoginResponse;
import io.glio.engine.iscsi.pdu.Lun;
import io.glio.engine.iscsi.pdu.NopIn;
import io.glio.engine.iscsi.pdu.NopOut;
import io.glio.engine.iscsi.pdu.Opcode;
import io.glio.engine.iscsi.pdu.PduEncoder;
import io.glio.engine.iscsi.pdu.PduParser;
import io.glio.engine.iscsi.pdu.RawPdu;
import io.glio.engine.iscsi.pdu.ReadyToTransfer;
import io.glio.engine.iscsi.pdu.ScsiCommandRequest;
import io.glio.engine.iscsi.pdu.ScsiResponse;
import io.glio.engine.iscsi.pdu.TextRequest;
import io.glio.engine.iscsi.pdu.TextResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A blocking iSCSI initiator on a real socket for end-to-end tests: logs in (optionally with
 * one-way CHAP) to full feature phase with chosen digests, then runs one SCSI command at a time
 * (InitialR2T=Yes, ImmediateData=No: every write's data goes out in answer to R2Ts), checking
 * the target's data digests on every Data-In and answering target NOP-In pings. A command that
 * gets no status within the read timeout fails with {@link java.net.SocketTimeoutException}.
 */
final class IscsiClient implements AutoCloseable {

    /** What this side declares as MaxRecvDataSegmentLength. */
    static final int RECEIVE_SEGMENT = 256 * 1024;

    /** A finished command: SCSI status, sense data (empty when none), data-in bytes. */
    record Result(int status, byte[] sense, byte[] data) {
        boolean good() {
            return status == 0;
        }

        /** {@code key/asc/ascq} in hex, or {@code none}. */
        String senseText() {
            return sense.length < 14 ? "none" : String.format("%x/%02x/%02x", sense[2] & 0x0f, sense[12] & 0xff,
                    sense[13] & 0xff);
        }
    }

    /** The login's outcome: status class/detail and the operational values the target answered. */
    record Login(int statusClass, int statusDetail, Map<String, String> answered) {
        boolean ok() {
            return statusClass == 0;
        }
    }

    private final Socket socket = new Socket();
    private final InputStream in;
    private final OutputStream out;
    private final PduParser parser = new PduParser();
    private final ByteBuffer received = ByteBuffer.allocate(64 * 1024).flip();
    private boolean headerDigest;
    private boolean dataDigest;
    private int targetSegment = 8192;
    private int cmdSn;
    private int expStatSn;
    private int itt = 0x1000;
    private long lun;

    IscsiClient(String host, int port, Duration commandTimeout) throws IOException {
        socket.connect(new InetSocketAddress(host, port), 5000);
        socket.setSoTimeout(Math.toIntExact(commandTimeout.toMillis()));
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /**
     * Logs in to a normal session. With a {@code chapUser} the security stage does one-way CHAP
     * MD5 (RFC 7143 §12.1.3), otherwise AuthMethod=None.
     */
    Login login(String initiator, String target, String chapUser, String chapSecret,
                boolean wantHeaderDigest, boolean wantDataDigest) throws Exception {
        long isid = 0x400000000000L | (System.nanoTime() & 0xffffffL);
        Map<String, String> names = new LinkedHashMap<>();
        names.put("InitiatorName", initiator);
        names.put("TargetName", target);
        names.put("SessionType", "Normal");
        LoginResponse r;
        if (chapUser == null) {
            names.put("AuthMethod", "None");
            r = loginStep(isid, true, 0, 1, names);
        } else {
            names.put("AuthMethod", "CHAP");
            r = loginStep(isid, false, 0, 1, names);
            if (r.statusClass() != 0) {
                return new Login(r.statusClass(), r.statusDetail(), Map.of());
            }
            r = loginStep(isid, false, 0, 1, Map.of("CHAP_A", Integer.toString(Chap.ALGORITHM_MD5)));
            if (r.statusClass() != 0) {
                return new Login(r.statusClass(), r.statusDetail(), Map.of());
            }
            Map<String, String> challenge = keys(r.data());
            int id = Integer.parseInt(challenge.get("CHAP_I"));
            byte[] response = Chap.md5Response(id, chapSecret, Chap.decodeBinary(challenge.get("CHAP_C")));
            r = loginStep(isid, true, 0, 1, Map.of("CHAP_N", chapUser, "CHAP_R", Chap.toHex(response)));
        }
        if (r.statusClass() != 0) {
            return new Login(r.statusClass(), r.statusDetail(), Map.of());
        }
        Map<String, String> offer = new LinkedHashMap<>();
        offer.put("HeaderDigest", wantHeaderDigest ? "CRC32C" : "None");
        offer.put("DataDigest", wantDataDigest ? "CRC32C" : "None");
        offer.put("InitialR2T", "Yes");
        offer.put("ImmediateData", "No");
        offer.put("MaxRecvDataSegmentLength", Integer.toString(RECEIVE_SEGMENT));
        offer.put("MaxBurstLength", Integer.toString(1 << 20));
        offer.put("FirstBurstLength", Integer.toString(64 * 1024));
        offer.put("MaxOutstandingR2T", "1");
        offer.put("ErrorRecoveryLevel", "0");
        r = loginStep(isid, true, 1, 3, offer);
        Map<String, String> answered = keys(r.data());
        if (r.statusClass() == 0) {
            if (!r.transit() || r.nsg() != 3) {
                throw new AssertionError("target did not move to full feature phase: " + answered);
            }
            headerDigest = "CRC32C".equals(answered.get("HeaderDigest"));
            dataDigest = "CRC32C".equals(answered.get("DataDigest"));
            targetSegment = Integer.parseInt(answered.getOrDefault("MaxRecvDataSegmentLength", "8192"));
            parser.maxDataSegmentLength(RECEIVE_SEGMENT);
            parser.digests(headerDigest, dataDigest);
        }
        return new Login(r.statusClass(), r.statusDetail(), answered);
    }

    /**
     * Logs in to a discovery session (AuthMethod=None) and returns the target's answer to
     * {@code SendTargets=All} as text ({@code key=value\0} pairs).
     */
    String discover(String initiator) throws Exception {
        long isid = 0x400000000000L | (System.nanoTime() & 0xffffffL);
        Map<String, String> names = new LinkedHashMap<>();
        names.put("InitiatorName", initiator);
        names.put("SessionType", "Discovery");
        names.put("AuthMethod", "None");
        LoginResponse r = loginStep(isid, true, 0, 1, names);
        if (r.statusClass() == 0) {
            r = loginStep(isid, true, 1, 3, Map.of("HeaderDigest", "None", "DataDigest", "None"));
        }
        if (r.statusClass() != 0) {
            throw new AssertionError("discovery login refused: " + r.statusClass() + "/" + r.statusDetail());
        }
        send(new TextRequest(true, true, false, itt++, Bhs.RESERVED_TAG, cmdSn, expStatSn,
                "SendTargets=All\0".getBytes(StandardCharsets.UTF_8)).encode());
        RawPdu p = receive();
        if (p == null || p.opcode() != Opcode.TEXT_RESPONSE) {
            throw new AssertionError("expected a Text Response, got " + (p == null ? "end of stream" : p.opcode()));
        }
        return new String(TextResponse.decode(p).data(), StandardCharsets.UTF_8);
    }

    private LoginResponse loginStep(long isid, boolean transit, int csg, int nsg, Map<String, String> kv)
            throws Exception {
        StringBuilder text = new StringBuilder();
        kv.forEach((k, v) -> text.append(k).append('=').append(v).append('\0'));
        send(new LoginRequest(transit, false, csg, nsg, 0, 0, isid, 0, 0x1, 1, cmdSn, expStatSn,
                text.toString().getBytes(StandardCharsets.UTF_8)).encode());
        RawPdu p = receive();
        if (p == null || p.opcode() != Opcode.LOGIN_RESPONSE) {
            throw new AssertionError("expected a Login Response, got " + (p == null ? "end of stream" : p.opcode()));
        }
        LoginResponse r = LoginResponse.decode(p);
        cmdSn = r.expCmdSn();
        expStatSn = r.statSn() + 1;
        return r;
    }

    /** Sends the commands that follow to this LUN (0 at first). */
    IscsiClient useLun(long number) {
        this.lun = number;
        return this;
    }

    /** READ(16) of {@code blocks} blocks of {@code blockSize} bytes. */
    Result read16(long lba, int blocks, int blockSize) throws Exception {
        return execute(cdb16(0x88, lba, blocks, false), blocks * blockSize, null);
    }

    /** WRITE(16), with the FUA bit when asked. */
    Result write16(long lba, byte[] data, int blockSize, boolean fua) throws Exception {
        return execute(cdb16(0x8a, lba, data.length / blockSize, fua), data.length, data);
    }

    /** SYNCHRONIZE CACHE(10) of the whole LUN. */
    Result synchronizeCache() throws Exception {
        byte[] cdb = new byte[10];
        cdb[0] = 0x35;
        return execute(cdb, 0, null);
    }

    Result testUnitReady() throws Exception {
        return execute(new byte[6], 0, null);
    }

    /** Runs one command to its status; {@code dataOut} null means a read of {@code length}. */
    Result execute(byte[] cdb, int length, byte[] dataOut) throws Exception {
        int tag = itt++;
        boolean write = dataOut != null;
        send(new ScsiCommandRequest(false, true, !write && length > 0, write, 1, Lun.encode(lun), tag, length,
                cmdSn++, expStatSn, java.util.Arrays.copyOf(cdb, 16), ByteBuffer.allocate(0)).encode());
        byte[] dataIn = write ? new byte[0] : new byte[length];
        int dataInLength = 0;
        while (true) {
            RawPdu p = receive();
            if (p == null) {
                throw new IOException("target closed the connection during command 0x" + Integer.toHexString(tag));
            }
            switch (p.opcode()) {
                case R2T -> sendData(ReadyToTransfer.decode(p), dataOut);
                case DATA_IN -> {
                    if (!p.dataDigestOk()) {
                        throw new AssertionError("data digest error in a Data-In of command 0x" + Integer.toHexString(tag));
                    }
                    DataIn d = DataIn.decode(p);
                    int n = d.data().remaining();
                    d.data().get(dataIn, d.bufferOffset(), n);
                    dataInLength = Math.max(dataInLength, d.bufferOffset() + n);
                    if (d.statusPresent()) {
                        expStatSn = d.statSn() + 1;
                        return new Result(d.status(), new byte[0], java.util.Arrays.copyOf(dataIn, dataInLength));
                    }
                }
                case SCSI_RESPONSE -> {
                    ScsiResponse r = ScsiResponse.decode(p);
                    expStatSn = r.statSn() + 1;
                    if (r.response() != 0) {
                        throw new AssertionError("iSCSI response 0x" + Integer.toHexString(r.response()));
                    }
                    return new Result(r.status(), r.senseData(), java.util.Arrays.copyOf(dataIn, dataInLength));
                }
                case NOP_IN -> answerPing(NopIn.decode(p));
                default -> throw new AssertionError("unexpected " + p.opcode() + " during a command");
            }
        }
    }

    /** Answers an R2T with Data-Out PDUs no larger than the target's MaxRecvDataSegmentLength. */
    private void sendData(ReadyToTransfer r2t, byte[] data) throws IOException {
        int end = r2t.bufferOffset() + r2t.desiredDataTransferLength();
        int dataSn = 0;
        for (int offset = r2t.bufferOffset(); offset < end; offset += targetSegment) {
            int n = Math.min(targetSegment, end - offset);
            send(new DataOut(offset + n == end, r2t.lunField(), r2t.initiatorTaskTag(), r2t.targetTransferTag(),
                    expStatSn, dataSn++, offset, ByteBuffer.wrap(data, offset, n).slice()).encode());
        }
    }

    private void answerPing(NopIn ping) throws IOException {
        if (ping.targetTransferTag() == Bhs.RESERVED_TAG) {
            return; // an answer to nothing we asked, or an unsolicited status update
        }
        send(new NopOut(true, ping.lunField(), Bhs.RESERVED_TAG, ping.targetTransferTag(), cmdSn, expStatSn,
                ping.pingData()).encode());
    }

    private void send(RawPdu pdu) throws IOException {
        out.write(PduEncoder.toBytes(pdu, headerDigest, dataDigest));
        out.flush();
    }

    private RawPdu receive() throws Exception {
        while (true) {
            RawPdu p = parser.parse(received);
            if (p != null) {
                return p;
            }
            received.clear();
            int n = in.read(received.array(), 0, received.capacity());
            if (n < 0) {
                return null;
            }
            received.limit(n);
        }
    }

    private static byte[] cdb16(int opcode, long lba, int blocks, boolean fua) {
        ByteBuffer c = ByteBuffer.allocate(16);
        c.put(0, (byte) opcode).put(1, (byte) (fua ? 0x08 : 0)).putLong(2, lba).putInt(10, blocks);
        return c.array();
    }

    private static Map<String, String> keys(byte[] text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : new String(text, StandardCharsets.UTF_8).split("\0")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                m.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        return m;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
