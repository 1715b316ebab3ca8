package io.glio.shell.service;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The fields inside a frame's payload: big-endian ints and longs, booleans as one byte, strings
 * as an int length and UTF-8 bytes. The reader checks every length against what is left.
 */
final class Payload {

    private Payload() {
    }

    /** Builds a payload field by field. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer putInt(int v) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(v).array());
            return this;
        }

        Writer putLong(long v) {
            out.writeBytes(ByteBuffer.allocate(8).putLong(v).array());
            return this;
        }

        Writer putBool(boolean v) {
            out.write(v ? 1 : 0);
            return this;
        }

        Writer putString(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            putInt(b.length);
            out.writeBytes(b);
            return this;
        }

        Frame frame(Frame.Type type) {
            return new Frame(type, out.toByteArray());
        }
    }

    /** Reads a payload's fields in order; a field that does not fit is a {@link FrameException}. */
    static final class Reader {
        private final ByteBuffer in;
        private final Frame.Type type;

        Reader(Frame frame) {
            this.in = ByteBuffer.wrap(frame.payload());
            this.type = frame.type();
        }

        private void need(int n, String what) {
            if (n < 0 || n > in.remaining()) {
                throw new FrameException(type + " " + what + ": " + n + " (expected: <= " + in.remaining() + ")");
            }
        }

        int getInt() {
            need(4, "int");
            return in.getInt();
        }

        long getLong() {
            need(8, "long");
            return in.getLong();
        }

        boolean getBool() {
            need(1, "boolean");
            byte b = in.get();
            if (b != 0 && b != 1) {
                throw new FrameException(type + " boolean: " + b + " (expected: 0 or 1)");
            }
            return b == 1;
        }

        String getString() {
            int n = getInt();
            need(n, "string length");
            byte[] b = new byte[n];
            in.get(b);
            return new String(b, StandardCharsets.UTF_8);
        }

        /** How many bytes are left (a count read from the wire is checked against this). */
        int remaining() {
            return in.remaining();
        }
    }
}
