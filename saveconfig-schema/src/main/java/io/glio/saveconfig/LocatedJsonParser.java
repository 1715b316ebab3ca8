package io.glio.saveconfig;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON text into a Jackson tree and remembers where every value starts, so later checks
 * can say {@code file:line:column}. Accepts what Python's {@code json.loads} accepts (including
 * {@code NaN}/{@code Infinity}), except that a key repeated in one object is an error (Python
 * would silently keep the last one; in a config file it is a hand-editing mistake).
 */
final class LocatedJsonParser {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The parsed tree plus the 1-based {line, column} of each value by JSON path. */
    record Located(JsonNode root, Map<String, int[]> locations, String source) {
        SaveConfigProblem problem(String path, String message) {
            int[] at = locations.getOrDefault(path, new int[] {1, 1});
            return new SaveConfigProblem(source, at[0], at[1], path, message);
        }
    }

    /** rtslib's files nest 9 levels deep; anything near this is not a saveconfig file. */
    static final int MAX_DEPTH = 64;

    private final String source;
    private final Map<String, int[]> locations = new HashMap<>();
    private String currentPath = JsonPaths.ROOT;
    private int depth;

    private LocatedJsonParser(String source) {
        this.source = source;
    }

    static Located parse(String text, String source) throws SaveConfigException {
        return new LocatedJsonParser(source).run(text);
    }

    private Located run(String text) throws SaveConfigException {
        JsonParser parser = null;
        try {
            parser = FACTORY.createParser(text);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw fail(1, 1, JsonPaths.ROOT, "empty file, expected a JSON object");
            }
            JsonNode root = readValue(parser, JsonPaths.ROOT);
            JsonToken after = parser.nextToken();
            if (after != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw fail(at.getLineNr(), at.getColumnNr(), JsonPaths.ROOT,
                        "unexpected content after the end of the JSON document");
            }
            return new Located(root, locations, source);
        } catch (SaveConfigException e) {
            throw e;
        } catch (JsonProcessingException e) {
            // Constraint violations (nesting depth, number length) carry no location; the parser has one.
            JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            boolean truncated = e instanceof JsonEOFException
                    || e.getOriginalMessage().startsWith("Unexpected end-of-input");
            throw fail(at.getLineNr(), at.getColumnNr(), currentPath,
                    truncated ? "unexpected end of file (truncated?)" : "invalid JSON: " + describe(e));
        } catch (IOException e) {
            // Reading from a String cannot fail with plain I/O errors.
            throw new IllegalStateException(e);
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException ignored) {
                    // Nothing to release for a String source.
                }
            }
        }
    }

    private JsonNode readValue(JsonParser parser, String path) throws IOException, SaveConfigException {
        currentPath = path;
        JsonLocation at = parser.currentTokenLocation();
        locations.put(path, new int[] {at.getLineNr(), at.getColumnNr()});
        JsonToken token = parser.currentToken();
        if (token.isStructStart() && depth == MAX_DEPTH) {
            throw fail(at.getLineNr(), at.getColumnNr(), path, "nested deeper than " + MAX_DEPTH + " levels");
        }
        switch (token) {
            case START_OBJECT:
                depth++;
                ObjectNode object = readObject(parser, path);
                depth--;
                return object;
            case START_ARRAY:
                depth++;
                ArrayNode array = readArray(parser, path);
                depth--;
                return array;
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw fail(at.getLineNr(), at.getColumnNr(), path, "invalid JSON: unexpected " + token);
        }
    }

    private ObjectNode readObject(JsonParser parser, String path) throws IOException, SaveConfigException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation keyAt = parser.currentTokenLocation();
            String childPath = JsonPaths.key(path, key);
            if (object.has(key)) {
                int[] first = locations.get(childPath);
                throw fail(keyAt.getLineNr(), keyAt.getColumnNr(), childPath,
                        "duplicate key \"" + key + "\" (first on line " + first[0] + ")");
            }
            currentPath = childPath;
            parser.nextToken();
            object.set(key, readValue(parser, childPath));
            currentPath = path;
        }
        return object;
    }

    private ArrayNode readArray(JsonParser parser, String path) throws IOException, SaveConfigException {
        ArrayNode array = NODES.arrayNode();
        int index = 0;
        for (;;) {
            currentPath = JsonPaths.index(path, index);
            if (parser.nextToken() == JsonToken.END_ARRAY) {
                break;
            }
            array.add(readValue(parser, JsonPaths.index(path, index++)));
        }
        currentPath = path;
        return array;
    }

    private SaveConfigException fail(int line, int column, String path, String message) {
        return new SaveConfigException(List.of(new SaveConfigProblem(source, line, column, path, message)));
    }

    /** Jackson's message, first line only, with the {@code ('x' (code 120))} noise reduced to {@code 'x'}. */
    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        return message.replaceAll("^Unexpected character \\(('.+?') \\(code [^)]*\\)\\)", "unexpected character $1")
                .replaceAll(": expected a valid value \\(.*\\)$", ": expected a JSON value")
                .replaceAll(": was expecting \\(JSON String.*\\)$", ": expected a JSON value")
                .replaceAll("^Unrecognized token '", "unrecognized token '");
    }
}
