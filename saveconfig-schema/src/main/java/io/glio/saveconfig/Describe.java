package io.glio.saveconfig;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Wording of "expected … got …" in problem messages. */
final class Describe {
    private static final int MAX_SHOWN = 60;

    private Describe() {
    }

    /** {@code "integer"} → "an integer"; {@code ["string","null"]} → "a string or null". */
    static String types(JsonNode type) {
        List<String> names = new ArrayList<>();
        if (type.isArray()) {
            boolean hasNumber = false;
            for (JsonNode one : type) {
                hasNumber |= one.asText().equals("number");
            }
            for (JsonNode one : type) {
                if (!(hasNumber && one.asText().equals("integer"))) {
                    names.add(type(one.asText()));
                }
            }
        } else {
            names.add(type(type.asText()));
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static String type(String name) {
        return switch (name) {
            case "object" -> "an object";
            case "array" -> "an array";
            case "integer" -> "an integer";
            case "null" -> "null";
            default -> "a " + name;
        };
    }

    /** A found value: {@code string "10G"}, {@code number 1.5}, {@code boolean true}, {@code null}, {@code an object}. */
    static String value(JsonNode value) {
        if (value.isTextual()) {
            String text = PythonJson.quote(value.textValue());
            if (text.length() > MAX_SHOWN) {
                text = text.substring(0, MAX_SHOWN - 4) + "...\"";
            }
            return "string " + text;
        } else if (value.isIntegralNumber()) {
            return "integer " + value.bigIntegerValue();
        } else if (value.isNumber()) {
            return "number " + PythonJson.number(value);
        } else if (value.isBoolean()) {
            return "boolean " + value.booleanValue();
        } else if (value.isNull()) {
            return "null";
        } else if (value.isObject()) {
            return "an object";
        }
        return "an array";
    }
}
