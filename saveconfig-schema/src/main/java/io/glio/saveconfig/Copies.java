package io.glio.saveconfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defensive copies for the records: order-preserving, unmodifiable, {@code null} kept as "absent". */
final class Copies {
    private Copies() {
    }

    /** Copies a list; {@code null} (key absent in the file) stays {@code null}. */
    static <T> List<T> list(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }

    /** Copies a map in iteration order; {@code null} (key absent in the file) stays {@code null}. */
    static Map<String, JsonNode> values(Map<String, JsonNode> map) {
        if (map == null) {
            return null;
        }
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, value == null ? JsonNodeFactory.instance.nullNode() : value));
        return Collections.unmodifiableMap(copy);
    }

    /** Copies the unknown-keys map; {@code null} becomes an empty map. */
    static Map<String, JsonNode> extra(Map<String, JsonNode> extra) {
        return extra == null ? Map.of() : values(extra);
    }

    /** Returns a copy of {@code map} with {@code key} set to {@code value}, keeping the position of an existing key. */
    static Map<String, JsonNode> with(Map<String, JsonNode> map, String key, JsonNode value) {
        Map<String, JsonNode> copy = map == null ? new LinkedHashMap<>() : new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    /** Converts a Java value to the JSON value rtslib would write for it (ints stay ints, text stays text). */
    static JsonNode json(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value == null) {
            return f.nullNode();
        } else if (value instanceof JsonNode node) {
            return node;
        } else if (value instanceof Integer i) {
            return f.numberNode(i);
        } else if (value instanceof Long l) {
            return f.numberNode(l);
        } else if (value instanceof Boolean b) {
            return f.booleanNode(b);
        } else if (value instanceof String s) {
            return f.textNode(s);
        }
        throw new IllegalArgumentException("unsupported attribute value type " + value.getClass().getName()
                + " (expected Integer, Long, Boolean, String or JsonNode)");
    }
}
