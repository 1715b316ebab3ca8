package io.glio.engine.nbd;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reads the fields option data is made of, each length checked against what is left. */
final class OptionData {

    private final String option;
    private final ByteBuffer data;

    OptionData(String option, ByteBuffer data) {
        this.option = option;
        this.data = data.duplicate();
    }

    int u32(String field) throws InvalidOptionException {
        need(4, field);
        return data.getInt();
    }

    int u16(String field) throws InvalidOptionException {
        need(2, field);
        return Short.toUnsignedInt(data.getShort());
    }

    /** A 32-bit length and that many bytes of UTF-8, at most {@link Nbd#MAX_STRING}. */
    String string(String field) throws InvalidOptionException {
        long length = Integer.toUnsignedLong(u32(field + " length"));
        if (length > Nbd.MAX_STRING) {
            throw new InvalidOptionException(option + " " + field + " length: " + length + " (expected: <= "
                    + Nbd.MAX_STRING + ")");
        }
        need((int) length, field);
        byte[] b = new byte[(int) length];
        data.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    void end() throws InvalidOptionException {
        if (data.hasRemaining()) {
            throw new InvalidOptionException(option + ": " + data.remaining() + " bytes after the last field");
        }
    }

    int remaining() {
        return data.remaining();
    }

    private void need(int n, String field) throws InvalidOptionException {
        if (data.remaining() < n) {
            throw new InvalidOptionException(option + " " + field + ": needs " + n + " bytes, " + data.remaining()
                    + " left");
        }
    }
}
