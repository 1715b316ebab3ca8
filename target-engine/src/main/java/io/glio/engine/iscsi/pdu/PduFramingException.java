package io.glio.engine.iscsi.pdu;

/**
 * The byte stream cannot be framed any further (a length over the negotiated limit, a header
 * digest error): the connection must be dropped, as RFC 7143 §7.8 requires when PDU boundaries
 * are lost at ErrorRecoveryLevel 0. The header is kept so a Reject can name it first.
 */
public class PduFramingException extends Exception {

    private final byte[] bhs;

    public PduFramingException(String message, byte[] bhs) {
        super(message);
        this.bhs = bhs.clone();
    }

    /** The offending basic header segment. */
    public byte[] bhs() {
        return bhs.clone();
    }
}
