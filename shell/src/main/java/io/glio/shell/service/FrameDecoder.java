package io.glio.shell.service;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Bytes to {@link Frame}s, in any split: a state machine that reads the type, then the length
 * (checked against {@link Frame#MAX_PAYLOAD} before anything is allocated), then the payload.
 * After a {@link FrameException} the stream is out of step: the caller closes the connection.
 */
public final class FrameDecoder {

    private enum State { READ_TYPE, READ_LENGTH, READ_PAYLOAD }

    private State state = State.READ_TYPE;
    private Frame.Type type;
    private final ByteBuffer length = ByteBuffer.allocate(4);
    private byte[] payload;
    private int filled;

    /** Decodes what {@code in} holds, handing each complete frame to {@code out}. */
    public void feed(ByteBuffer in, Consumer<Frame> out) {
        for (;;) {
            switch (state) {
                case READ_TYPE -> {
                    if (!in.hasRemaining()) {
                        return;
                    }
                    type = Frame.Type.of(in.get());
                    state = State.READ_LENGTH;
                }
                case READ_LENGTH -> {
                    if (!readLength(in)) {
                        return;
                    }
                }
                case READ_PAYLOAD -> {
                    int n = Math.min(in.remaining(), payload.length - filled);
                    in.get(payload, filled, n);
                    filled += n;
                    if (filled < payload.length) {
                        return;
                    }
                    Frame frame = new Frame(type, payload);
                    reset();
                    out.accept(frame);
                }
            }
        }
    }

    private boolean readLength(ByteBuffer in) {
        while (length.hasRemaining() && in.hasRemaining()) {
            length.put(in.get());
        }
        if (length.hasRemaining()) {
            return false;
        }
        long n = Integer.toUnsignedLong(length.flip().getInt());
        if (n > Frame.MAX_PAYLOAD) {
            reset();
            throw new FrameException("length: " + n + " (expected: <= " + Frame.MAX_PAYLOAD + ")");
        }
        payload = new byte[(int) n];
        filled = 0;
        state = State.READ_PAYLOAD;
        return true;
    }

    /** Whether the decoder is between frames (nothing partial held). */
    public boolean idle() {
        return state == State.READ_TYPE;
    }

    private void reset() {
        state = State.READ_TYPE;
        type = null;
        payload = null;
        filled = 0;
        length.clear();
    }
}
