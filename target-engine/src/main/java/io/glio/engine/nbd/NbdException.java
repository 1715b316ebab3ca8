package io.glio.engine.nbd;

/**
 * A violation of the NBD protocol by the client: the connection it came on is closed (proto.md:
 * "the server MAY close the connection" on a malformed request; there is no way to resynchronise a
 * byte stream whose framing is lost). The message names the bad field and value.
 */
public final class NbdException extends Exception {

    private static final long serialVersionUID = 1L;

    public NbdException(String message) {
        super(message, null, false, false);
    }
}
