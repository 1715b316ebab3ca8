package io.glio.engine.iscsi.session;

import io.glio.engine.iscsi.login.SessionParameters;
import io.glio.engine.iscsi.pdu.Bhs;
import io.glio.engine.iscsi.pdu.NopIn;
import io.glio.engine.iscsi.pdu.NopOut;
import io.glio.engine.iscsi.pdu.RawPdu;

import java.util.Arrays;

/**
 * NOP-Out and the target's pings (RFC 7143 §11.18, §11.19): a NOP-Out with an ITT gets a NOP-In
 * echoing its ping data; a connection silent for the NOP-In interval is pinged with an
 * unsolicited NOP-In and closed when the answer does not come within the response timeout.
 */
final class NopHandler {

    private final IscsiConnection conn;
    private final ConnectionOutput out;
    private final SessionParameters params;
    private final ConnectionServices services;
    private Integer pingTtt;
    private long pingSentNanos;

    NopHandler(IscsiConnection conn, ConnectionOutput out, SessionParameters params, ConnectionServices services) {
        this.conn = conn;
        this.out = out;
        this.params = params;
        this.services = services;
    }

    void handle(RawPdu pdu) {
        NopOut n = NopOut.decode(pdu);
        if (n.initiatorTaskTag() == Bhs.RESERVED_TAG) {
            // An answer to our ping (or a bare ping that wants no answer), RFC 7143 §11.18.
            if (pingTtt != null && n.targetTransferTag() == pingTtt) {
                pingTtt = null;
            }
            return;
        }
        out.sequenced(n.immediate(), n.cmdSn(), () -> {
            out.responded(n.immediate());
            byte[] ping = n.pingData();
            if (ping.length > params.initiatorMaxRecvDataSegment()) {
                ping = Arrays.copyOf(ping, params.initiatorMaxRecvDataSegment());
            }
            CommandWindow window = out.window();
            out.send(new NopIn(n.lunField(), n.initiatorTaskTag(), Bhs.RESERVED_TAG, out.nextStatSn(),
                    window.expCmdSn(), window.maxCmdSn(), ping).encode());
        });
    }

    /** Called periodically: pings a silent initiator, closes when a ping went unanswered. */
    void tick(long lastReadNanos) {
        if (!conn.fullFeature()) {
            return;
        }
        long now = System.nanoTime();
        ConnectionTimeouts timeouts = services.timeouts();
        if (pingTtt != null) {
            if (now - pingSentNanos > timeouts.nopInResponse().toNanos()) {
                conn.close("no answer to NOP-In ping within " + timeouts.nopInResponse().toMillis() + " ms");
            }
            return;
        }
        if (now - lastReadNanos >= timeouts.nopInInterval().toNanos()) {
            pingTtt = out.nextTtt();
            pingSentNanos = now;
            CommandWindow window = out.window();
            // StatSN is not advanced by an unsolicited NOP-In (RFC 7143 §11.19.2).
            out.sendAndFlush(new NopIn(0, Bhs.RESERVED_TAG, pingTtt, out.statSn(), window.expCmdSn(),
                    window.maxCmdSn(), new byte[0]).encode());
        }
    }
}
