package io.glio.engine.nbd;

import java.nio.ByteBuffer;

/**
 * The options without data, proto.md "Option types": NBD_OPT_ABORT (2), NBD_OPT_LIST (3) and
 * NBD_OPT_STRUCTURED_REPLY (8).
 * <pre>
 * +-------------------+
 * | (length 0: none)  |
 * +-------------------+
 * </pre>
 * LIST answers one NBD_REP_SERVER per export (32-bit name length, name) then NBD_REP_ACK;
 * STRUCTURED_REPLY answers NBD_REP_ACK and from then on reads and block status come as
 * structured replies; ABORT answers NBD_REP_ACK and the server closes.
 */
final class EmptyOption {

    private EmptyOption() {
    }

    /** Refuses data on an option that takes none (proto.md: NBD_REP_ERR_INVALID). */
    static void check(String option, ByteBuffer data) throws InvalidOptionException {
        if (data.hasRemaining()) {
            throw new InvalidOptionException(option + " length: " + data.remaining() + " (expected: 0)");
        }
    }
}
