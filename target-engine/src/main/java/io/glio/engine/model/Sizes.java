package io.glio.engine.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Pattern;

/** Size parsing and printing exactly as targetcli does ({@code human_to_bytes}, {@code bytes_to_human}). */
public final class Sizes {

    // targetcli's regex; the character class really contains '|'.
    private static final Pattern HUMAN = Pattern.compile("[0-9]+[k|m|g|t]?[b]?");
    private static final String UNITS = "kmgt";
    private static final String[] HUMAN_UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB"};

    private Sizes() {
    }

    /**
     * Parses a size the way targetcli does: every {@code i} removed, lower-cased, then
     * {@code N[k|m|g|t][b]} with binary units; no decimals, no spaces, no sign.
     *
     * @throws InvalidValueException {@code Cannot interpret size, wrong format: <input>}
     */
    public static long humanToBytes(String human) {
        String size = human.replace("i", "").toLowerCase(Locale.ROOT);
        if (!HUMAN.matcher(size).matches()) {
            throw wrongFormat(human);
        }
        String digits = size;
        while (!digits.isEmpty() && (digits.endsWith("b") || digits.endsWith("i"))) {
            digits = digits.substring(0, digits.length() - 1);
        }
        int power = 0;
        char last = digits.charAt(digits.length() - 1);
        if (!Character.isDigit(last)) {
            power = UNITS.indexOf(last) + 1;
            digits = digits.substring(0, digits.length() - 1);
            if (power == 0) {
                // "1|" passes targetcli's regex and then crashes it; we refuse it instead.
                throw wrongFormat(human);
            }
        }
        BigInteger bytes = new BigInteger(digits).shiftLeft(10 * power);
        if (bytes.bitLength() > 63) {
            throw wrongFormat(human);
        }
        return bytes.longValue();
    }

    private static InvalidValueException wrongFormat(String human) {
        return new InvalidValueException("Cannot interpret size, wrong format: " + human);
    }

    /**
     * Formats a byte count as targetcli's {@code ls} does: {@code 512 bytes}, {@code 1.0KiB},
     * {@code 100.0GiB}, {@code 1.5TiB} (one decimal, rounded half-even on the exact value like
     * Python's {@code %3.1f}).
     */
    public static String bytesToHuman(long size) {
        if (size < 1024) {
            return size + " bytes";
        }
        double value = size / 1024.0;
        for (String unit : HUMAN_UNITS) {
            if (value < 1024.0) {
                return new BigDecimal(value).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + unit;
            }
            value /= 1024.0;
        }
        // targetcli returns None beyond PiB and prints "None".
        return "None";
    }
}
