package io.glio.saveconfig;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Produces exactly what CPython's {@code json.dumps(obj, sort_keys=True, indent=2)} produces
 * (rtslib's {@code save_to_file}): keys sorted by code point, two-space indent, {@code ", "}
 * never (items end in {@code ","} + newline), {@code ": "} after keys, {@code []} and
 * {@code {}} for empty containers, every non-printable-ASCII character escaped as
 * {@code \}{@code uXXXX} with lowercase hex, floats as Python's {@code repr}.
 */
final class PythonJson {
    /** Python compares str keys by code point; Java's compareTo compares UTF-16 units. */
    static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    };

    private static final String INDENT = "  ";

    private PythonJson() {
    }

    /** The document text without the trailing newline rtslib adds. */
    static String dumps(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, 0, out);
        return out.toString();
    }

    private static void write(JsonNode node, int level, StringBuilder out) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                out.append("{}");
                return;
            }
            List<String> keys = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
                keys.add(it.next());
            }
            keys.sort(CODE_POINT_ORDER);
            out.append("{\n");
            for (int i = 0; i < keys.size(); i++) {
                out.append(INDENT.repeat(level + 1)).append(quote(keys.get(i))).append(": ");
                write(node.get(keys.get(i)), level + 1, out);
                out.append(i + 1 < keys.size() ? ",\n" : "\n");
            }
            out.append(INDENT.repeat(level)).append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                out.append(INDENT.repeat(level + 1));
                write(node.get(i), level + 1, out);
                out.append(i + 1 < node.size() ? ",\n" : "\n");
            }
            out.append(INDENT.repeat(level)).append(']');
        } else if (node.isTextual()) {
            out.append(quote(node.textValue()));
        } else if (node.isNumber()) {
            out.append(number(node));
        } else if (node.isBoolean()) {
            out.append(node.booleanValue() ? "true" : "false");
        } else if (node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else {
            throw new IllegalArgumentException("cannot write JSON node of type " + node.getNodeType());
        }
    }

    /** A JSON string literal the way {@code json.dumps(..., ensure_ascii=True)} writes it. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A number the way Python writes it: ints in full, floats as {@code repr(float)}. */
    static String number(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        return floatRepr(node.doubleValue());
    }

    /** CPython's {@code float.__repr__} as used by the json module (NaN and infinities as JSON extensions). */
    static String floatRepr(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        } else if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        } else if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        // Shortest digits that round-trip (Schubfach, as Python's repr uses David Gay's shortest mode).
        BigDecimal shortest = new BigDecimal(DoubleToDecimal.toString(value)).stripTrailingZeros();
        if (shortest.precision() == 2) {
            // Java's algorithm never goes below two digits (5e-324 comes out as 4.9E-324); Python does.
            BigDecimal oneDigit = new BigDecimal(value).round(new MathContext(1, RoundingMode.HALF_EVEN));
            if (oneDigit.doubleValue() == value) {
                shortest = oneDigit.stripTrailingZeros();
            }
        }
        String sign = shortest.signum() < 0 ? "-" : "";
        String digits = shortest.unscaledValue().abs().toString();
        int decimalPoint = digits.length() - shortest.scale();
        if (decimalPoint > -4 && decimalPoint <= 16) {
            return sign + fixed(digits, decimalPoint);
        }
        int exponent = decimalPoint - 1;
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }

    private static String fixed(String digits, int decimalPoint) {
        if (decimalPoint <= 0) {
            return "0." + "0".repeat(-decimalPoint) + digits;
        } else if (decimalPoint >= digits.length()) {
            return digits + "0".repeat(decimalPoint - digits.length()) + ".0";
        }
        return digits.substring(0, decimalPoint) + "." + digits.substring(decimalPoint);
    }
}
