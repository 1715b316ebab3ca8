package io.glio.engine.iscsi.login;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code key=value\0} text format of Login and Text PDUs (RFC 7143 §6.1). Keys longer than
 * 63 bytes and values longer than 255 bytes (8192 for the binary CHAP keys, §13.1 and
 * {@code MAX_KEY_VALUE_PAIRS}) are refused, as LIO refuses them.
 */
public final class TextKeys {

    public static final int MAX_KEY_LENGTH = 63;
    public static final int MAX_VALUE_LENGTH = 255;
    public static final int MAX_BINARY_VALUE_LENGTH = 8192;

    /** One received pair, in order. */
    public record Pair(String key, String value) {
    }

    private TextKeys() {
    }

    /**
     * Parses a data segment. A trailing pair without its NUL is accepted (some initiators pad
     * instead), an empty segment gives no pairs.
     *
     * @throws LoginException INITIATOR_ERROR for a pair without '=', an empty, over-long key or
     *                        an over-long value
     */
    public static List<Pair> parse(byte[] data) throws LoginException {
        List<Pair> out = new ArrayList<>();
        int start = 0;
        while (start < data.length) {
            int end = start;
            while (end < data.length && data[end] != 0) {
                end++;
            }
            if (end > start) {
                out.add(pair(new String(data, start, end - start, StandardCharsets.UTF_8)));
            }
            start = end + 1;
        }
        return out;
    }

    private static Pair pair(String text) throws LoginException {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new LoginException(LoginStatus.INITIATOR_ERROR, "malformed text key \"" + shorten(text) + "\"");
        }
        String key = text.substring(0, eq);
        String value = text.substring(eq + 1);
        if (key.length() > MAX_KEY_LENGTH) {
            throw new LoginException(LoginStatus.INITIATOR_ERROR, "key \"" + shorten(key) + "\" is "
                    + key.length() + " bytes, over the limit of " + MAX_KEY_LENGTH);
        }
        int limit = key.startsWith("CHAP_") ? MAX_BINARY_VALUE_LENGTH : MAX_VALUE_LENGTH;
        if (value.length() > limit) {
            throw new LoginException(LoginStatus.INITIATOR_ERROR, "value of " + key + " is "
                    + value.length() + " bytes, over the limit of " + limit);
        }
        return new Pair(key, value);
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** Encodes pairs in map order, each followed by NUL. */
    public static byte[] encode(Map<String, String> pairs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pairs.forEach((k, v) -> {
            byte[] b = (k + "=" + v).getBytes(StandardCharsets.UTF_8);
            out.write(b, 0, b.length);
            out.write(0);
        });
        return out.toByteArray();
    }

    public static byte[] encode(List<Pair> pairs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Pair p : pairs) {
            byte[] b = (p.key() + "=" + p.value()).getBytes(StandardCharsets.UTF_8);
            out.write(b, 0, b.length);
            out.write(0);
        }
        return out.toByteArray();
    }
}
