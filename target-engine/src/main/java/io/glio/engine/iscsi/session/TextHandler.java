package io.glio.engine.iscsi.session;

import io.glio.engine.iscsi.login.SessionParameters;
import io.glio.engine.iscsi.pdu.Bhs;
import io.glio.engine.iscsi.pdu.RawPdu;
import io.glio.engine.iscsi.pdu.RejectReason;
import io.glio.engine.iscsi.pdu.TextRequest;
import io.glio.engine.iscsi.pdu.TextResponse;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Text Requests of one connection (RFC 7143 §11.10, §11.11): SendTargets (Appendix C), its
 * answer split over several Text Responses when it exceeds the initiator's
 * MaxRecvDataSegmentLength or LIO's 32 KiB cap ({@link TextContinuation}).
 */
final class TextHandler {

    /** LIO caps a SendTargets response PDU at 32 KiB. */
    static final int TEXT_RESPONSE_LIMIT = 32768;

    private final ConnectionOutput out;
    private final ConnectionServices services;
    private final Session session;
    private final SessionParameters params;
    private final InetSocketAddress local;
    private final TextContinuation text = new TextContinuation();

    /** @param local the connection's local address (for wildcard portals), or null */
    TextHandler(ConnectionOutput out, ConnectionServices services, Session session, SessionParameters params,
                InetSocketAddress local) {
        this.out = out;
        this.services = services;
        this.session = session;
        this.params = params;
        this.local = local;
    }

    void handle(RawPdu pdu) {
        TextRequest t = TextRequest.decode(pdu);
        if (!t.fin() || t.cont()) {
            // Multi-PDU text requests are not supported (LIO answers the same way).
            out.rejectCommand(pdu, RejectReason.COMMAND_NOT_SUPPORTED);
            return;
        }
        out.sequenced(t.immediate(), t.cmdSn(), () -> run(t, pdu.bhs()));
    }

    private void run(TextRequest t, byte[] header) {
        if (t.targetTransferTag() != Bhs.RESERVED_TAG) {
            if (!text.continues(t.targetTransferTag())) {
                out.responded(t.immediate());
                out.reject(RejectReason.INVALID_PDU_FIELD, header);
                return;
            }
            sendChunk(t);
            return;
        }
        String request = new String(t.data(), StandardCharsets.UTF_8);
        int nul = request.indexOf('\0');
        String first = nul >= 0 ? request.substring(0, nul) : request;
        String value = first.startsWith("SendTargets=") ? first.substring("SendTargets=".length()) : null;
        if (value == null || !(value.equals("All") || value.startsWith("iqn.") || value.startsWith("eui.")
                || value.startsWith("naa."))) {
            // LIO knows only SendTargets=All|<name> (libiscsi SendTargets.Invalid).
            out.responded(t.immediate());
            out.reject(RejectReason.PROTOCOL_ERROR, header);
            return;
        }
        text.start(services.sendTargets(session.initiatorName(), value, local));
        sendChunk(t);
    }

    private void sendChunk(TextRequest t) {
        byte[] chunk = text.next(Math.min(params.initiatorMaxRecvDataSegment(), TEXT_RESPONSE_LIMIT), out.nextTtt());
        boolean more = text.more();
        out.responded(t.immediate());
        CommandWindow window = out.window();
        out.send(new TextResponse(!more, more, t.initiatorTaskTag(), text.ttt(), out.nextStatSn(), window.expCmdSn(),
                window.maxCmdSn(), chunk).encode());
    }
}
