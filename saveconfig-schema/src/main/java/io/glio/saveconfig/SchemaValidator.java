package io.glio.saveconfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a parsed file against {@code saveconfig.schema.json} (JSON Schema 2020-12).
 *
 * <p>Interprets the small keyword subset that schema uses ({@code type}, {@code properties},
 * {@code required}, {@code additionalProperties}, {@code items}, {@code minimum},
 * {@code maximum}, local {@code $ref}) instead of a general validator, so that problems come
 * out in file order with messages an admin can act on ({@code expected an integer, got string
 * "10G"}) and with the line and column of the value. The schema file stays standard, so other
 * tools can use it too; loading fails if someone adds a keyword this class does not implement.
 */
final class SchemaValidator {
    static final String RESOURCE = "saveconfig.schema.json";
    private static final Set<String> KEYWORDS = Set.of("$schema", "$id", "title", "description", "type",
            "properties", "required", "additionalProperties", "items", "minimum", "maximum", "$ref", "$defs");

    private static final SchemaValidator INSTANCE = new SchemaValidator(loadSchema());

    private final JsonNode schema;

    private SchemaValidator(JsonNode schema) {
        requireSupported(schema, "#");
        this.schema = schema;
    }

    static SchemaValidator instance() {
        return INSTANCE;
    }

    /** Every schema violation in the document, in file order (empty when valid). */
    List<SaveConfigProblem> validate(LocatedJsonParser.Located doc) {
        List<SaveConfigProblem> problems = new ArrayList<>();
        check(schema, doc.root(), JsonPaths.ROOT, doc, problems);
        return problems;
    }

    private void check(JsonNode rule, JsonNode value, String path, LocatedJsonParser.Located doc,
            List<SaveConfigProblem> problems) {
        rule = resolve(rule);
        JsonNode type = rule.get("type");
        if (type != null && !matchesType(type, value)) {
            problems.add(doc.problem(path, "expected " + Describe.types(type) + ", got " + Describe.value(value)));
            return;
        }
        if (value.isIntegralNumber() && (rule.has("minimum") || rule.has("maximum"))) {
            checkRange(rule, value, path, doc, problems);
        }
        if (value.isObject()) {
            for (JsonNode required : rule.path("required")) {
                if (!value.has(required.asText())) {
                    problems.add(doc.problem(path, "missing required key \"" + required.asText() + "\""));
                }
            }
            JsonNode properties = rule.path("properties");
            JsonNode additional = rule.get("additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode childRule = properties.has(field.getKey()) ? properties.get(field.getKey()) : additional;
                if (childRule != null && childRule.isObject()) {
                    check(childRule, field.getValue(), JsonPaths.key(path, field.getKey()), doc, problems);
                }
            }
        }
        if (value.isArray() && rule.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(rule.get("items"), value.get(i), JsonPaths.index(path, i), doc, problems);
            }
        }
    }

    private static void checkRange(JsonNode rule, JsonNode value, String path, LocatedJsonParser.Located doc,
            List<SaveConfigProblem> problems) {
        BigInteger actual = value.bigIntegerValue();
        JsonNode min = rule.get("minimum");
        JsonNode max = rule.get("maximum");
        boolean tooSmall = min != null && actual.compareTo(min.bigIntegerValue()) < 0;
        boolean tooLarge = max != null && actual.compareTo(max.bigIntegerValue()) > 0;
        if (!tooSmall && !tooLarge) {
            return;
        }
        String expected;
        if (min != null && max != null) {
            expected = "an integer from " + min.bigIntegerValue() + " to " + max.bigIntegerValue();
        } else if (min != null) {
            expected = "an integer >= " + min.bigIntegerValue();
        } else {
            expected = "an integer <= " + max.bigIntegerValue();
        }
        problems.add(doc.problem(path, "expected " + expected + ", got " + actual));
    }

    private static boolean matchesType(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (matchesType(one, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalStateException("unknown type in schema: " + type);
        };
    }

    private JsonNode resolve(JsonNode rule) {
        JsonNode ref = rule.get("$ref");
        if (ref == null) {
            return rule;
        }
        return schema.at(ref.asText().substring(1));
    }

    private static void requireSupported(JsonNode rule, String where) {
        for (Iterator<Map.Entry<String, JsonNode>> it = rule.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String keyword = entry.getKey();
            if (!KEYWORDS.contains(keyword)) {
                throw new IllegalStateException(RESOURCE + " " + where + ": keyword " + keyword + " not supported");
            }
            if (keyword.equals("properties") || keyword.equals("$defs")) {
                entry.getValue().fields().forEachRemaining(
                        child -> requireSupported(child.getValue(), where + "/" + keyword + "/" + child.getKey()));
            } else if ((keyword.equals("items") || keyword.equals("additionalProperties"))
                    && entry.getValue().isObject()) {
                requireSupported(entry.getValue(), where + "/" + keyword);
            }
        }
    }

    private static JsonNode loadSchema() {
        try (InputStream in = SchemaValidator.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the jar");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
