package io.glio.engine.iscsi;

import io.glio.engine.iscsi.pdu.LoginResponse;
import io.glio.engine.iscsi.pdu.PduEncoder;
import io.glio.engine.iscsi.pdu.PduParser;
import io.glio.engine.iscsi.pdu.RawPdu;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;

/** A blocking initiator on a real socket, for server-level tests. */
final class SocketInitiator implements AutoCloseable {

    private final Socket socket = new Socket();
    private final PduParser parser = new PduParser();

    SocketInitiator(String host, int port) throws IOException {
        socket.connect(new InetSocketAddress(host, port), 5000);
        socket.setSoTimeout(5000);
        parser.maxDataSegmentLength(16 * 1024 * 1024);
    }

    void send(RawPdu pdu) throws IOException {
        socket.getOutputStream().write(PduEncoder.toBytes(pdu, false, false));
        socket.getOutputStream().flush();
    }

    /** The next PDU, or null at end of stream. */
    RawPdu receive() throws Exception {
        InputStream in = socket.getInputStream();
        byte[] one = new byte[1];
        while (true) {
            int n = in.read(one);
            if (n < 0) {
                return null;
            }
            RawPdu p = parser.parse(ByteBuffer.wrap(one));
            if (p != null) {
                return p;
            }
        }
    }

    LoginResponse login(long isid, String initiator, String target) throws Exception {
        String[] kv = target == null
                ? new String[]{"InitiatorName", initiator, "SessionType", "Discovery"}
                : new String[]{"InitiatorName", initiator, "TargetName", target};
        send(TestInitiator.loginRequest(isid, kv).encode());
        return LoginResponse.decode(receive());
    }

    /** Whether the target closed the connection (reads until EOF or timeout). */
    boolean closedByTarget() throws Exception {
        try {
            while (receive() != null) {
                // drain
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
