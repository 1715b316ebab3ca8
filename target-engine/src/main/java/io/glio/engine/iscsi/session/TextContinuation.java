package io.glio.engine.iscsi.session;

import io.glio.engine.iscsi.pdu.Bhs;

import java.util.Arrays;

/**
 * A text answer sent over several Text Responses (RFC 7143 §11.11: C bit set and a Target
 * Transfer Tag while more follows; the initiator asks for the rest with empty Text Requests
 * carrying that tag).
 */
final class TextContinuation {

    private byte[] text;
    private int offset;
    private int ttt = Bhs.RESERVED_TAG;

    /** Starts a new answer, dropping any unfinished one. */
    void start(byte[] answer) {
        text = answer;
        offset = 0;
        ttt = Bhs.RESERVED_TAG;
    }

    /** Whether a request with this tag continues the pending answer. */
    boolean continues(int targetTransferTag) {
        return text != null && targetTransferTag == ttt && ttt != Bhs.RESERVED_TAG;
    }

    /**
     * The next piece, at most {@code limit} bytes.
     *
     * @param nextTtt a fresh tag, used when more pieces follow
     */
    byte[] next(int limit, int nextTtt) {
        int n = Math.min(limit, text.length - offset);
        byte[] chunk = Arrays.copyOfRange(text, offset, offset + n);
        offset += n;
        if (offset < text.length) {
            ttt = nextTtt;
        } else {
            text = null;
            ttt = Bhs.RESERVED_TAG;
        }
        return chunk;
    }

    /** Whether the last piece handed out was not the final one. */
    boolean more() {
        return text != null;
    }

    /** The tag of the last piece: 0xffffffff when it was the final one. */
    int ttt() {
        return ttt;
    }
}
