package io.glio.engine.nbd;

/**
 * Option data that does not match its option's layout: answered with NBD_REP_ERR_INVALID and
 * this message (proto.md: the connection stays open; the client may try another option).
 */
final class InvalidOptionException extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidOptionException(String message) {
        super(message, null, false, false);
    }
}
