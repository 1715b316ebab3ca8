package io.glio.engine.iscsi.pdu;

/** A PDU whose fields break RFC 7143: answered with a Reject of the given reason. */
public class PduFieldException extends Exception {

    private final RejectReason reason;

    public PduFieldException(RejectReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
