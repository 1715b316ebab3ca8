package io.glio.engine.iscsi.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * CHAP computations (RFC 1994 §4.1 as used by RFC 7143 §12.1.3): the response is
 * {@code MD5(identifier || secret || challenge)}; binary values travel as {@code 0x} hex or
 * {@code 0b} base64 (RFC 7143 §6.1).
 */
public final class Chap {

    /** CHAP_A value of MD5, the only algorithm RFC 7143 requires. */
    public static final int ALGORITHM_MD5 = 5;
    public static final int MD5_LENGTH = 16;

    private Chap() {
    }

    public static byte[] md5Response(int identifier, String secret, byte[] challenge) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update((byte) identifier);
            md5.update(secret.getBytes(StandardCharsets.UTF_8));
            md5.update(challenge);
            return md5.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }

    public static String toHex(byte[] bytes) {
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    /**
     * Decodes a binary value ({@code 0x}/{@code 0X} hex or {@code 0b}/{@code 0B} base64).
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public static byte[] decodeBinary(String value) {
        if (value.length() > 2 && (value.startsWith("0x") || value.startsWith("0X"))) {
            String hex = value.substring(2);
            if (hex.length() % 2 == 1) {
                hex = "0" + hex;
            }
            try {
                return HexFormat.of().parseHex(hex);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a hex value: " + value);
            }
        }
        if (value.length() > 2 && (value.startsWith("0b") || value.startsWith("0B"))) {
            try {
                return Base64.getDecoder().decode(value.substring(2));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a base64 value: " + value);
            }
        }
        throw new IllegalArgumentException("not a binary value (0x hex or 0b base64): " + value);
    }
}
