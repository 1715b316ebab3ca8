package io.glio.engine.iscsi.session;

import io.glio.engine.iscsi.login.SessionParameters;
import io.glio.engine.iscsi.pdu.LogoutRequest;
import io.glio.engine.iscsi.pdu.LogoutResponse;
import io.glio.engine.iscsi.pdu.RawPdu;
import io.glio.engine.iscsi.pdu.RejectReason;

/**
 * Logout Requests of one connection (RFC 7143 §11.14, §11.15): closing the session or this
 * connection succeeds and ends the connection after the response; removing a connection for
 * recovery is not supported at ErrorRecoveryLevel 0.
 */
final class LogoutHandler {

    private final IscsiConnection conn;
    private final ConnectionOutput out;
    private final SessionParameters params;
    private final int cid;

    LogoutHandler(IscsiConnection conn, ConnectionOutput out, SessionParameters params, int cid) {
        this.conn = conn;
        this.out = out;
        this.params = params;
        this.cid = cid;
    }

    void handle(RawPdu pdu) {
        LogoutRequest l = LogoutRequest.decode(pdu);
        out.sequenced(l.immediate(), l.cmdSn(), () -> run(l, pdu.bhs()));
    }

    private void run(LogoutRequest l, byte[] header) {
        int response;
        switch (l.reason()) {
            case LogoutRequest.CLOSE_SESSION -> response = LogoutResponse.SUCCESS;
            case LogoutRequest.CLOSE_CONNECTION -> response = l.cid() == cid
                    ? LogoutResponse.SUCCESS : LogoutResponse.CID_NOT_FOUND;
            case LogoutRequest.REMOVE_FOR_RECOVERY -> response = LogoutResponse.RECOVERY_NOT_SUPPORTED;
            default -> {
                out.responded(l.immediate());
                out.reject(RejectReason.INVALID_PDU_FIELD, header);
                return;
            }
        }
        out.responded(l.immediate());
        CommandWindow window = out.window();
        out.send(new LogoutResponse(response, l.initiatorTaskTag(), out.nextStatSn(), window.expCmdSn(),
                window.maxCmdSn(), params.defaultTime2Wait(), params.defaultTime2Retain()).encode());
        if (response == LogoutResponse.SUCCESS) {
            // RFC 7143 §11.14: the response is the last PDU; then the connection closes.
            conn.closeAfterFlush("logout");
        }
    }
}
