package io.glio.shell;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glio.shell.node.UiNode;
import java.util.List;

/**
 * glio's machine-readable output for scripts ({@code ls --json}, {@code info --json}): the same
 * facts as the text, as one JSON document on stdout.
 */
final class JsonOutput {

    static final String FLAG = "--json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonOutput() {
    }

    /** {@code {"name", "path", "summary", "healthy", "children": [...]}} down to {@code depth} levels. */
    static String tree(UiNode node, Integer depth) {
        return write(treeNode(node, depth));
    }

    private static ObjectNode treeNode(UiNode node, Integer depth) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("name", node.name());
        o.put("path", node.path());
        Summary s = node.summary();
        o.put("summary", s.text());
        if (s.healthy() == null) {
            o.putNull("healthy");
        } else {
            o.put("healthy", s.healthy());
        }
        ArrayNode children = o.putArray("children");
        if (depth == null || depth > 0) {
            for (UiNode c : node.children()) {
                children.add(treeNode(c, depth == null ? null : depth - 1));
            }
        }
        return o;
    }

    /** {@code info} lines ({@code key: value}; an ACL's {@code wwns:} list) as one object. */
    static String info(UiNode node, List<String> lines) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("path", node.path());
        ArrayNode list = null;
        for (String line : lines) {
            int colon = line.indexOf(": ");
            if (line.endsWith(":")) {
                list = o.putArray(line.substring(0, line.length() - 1));
            } else if (colon > 0) {
                o.put(line.substring(0, colon), line.substring(colon + 2));
                list = null;
            } else if (list != null) {
                list.add(line);
            }
        }
        return write(o);
    }

    private static String write(ObjectNode o) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new ShellException("Cannot write JSON: " + e.getOriginalMessage());
        }
    }
}
