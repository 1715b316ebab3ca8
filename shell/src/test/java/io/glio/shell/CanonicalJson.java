package io.glio.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * saveconfig.json with its lists sorted by identity (name, wwn, index, ...): rtslib lists
 * objects in directory order, which on the oracle's fake configfs is the host file system's
 * hash order, so only the content of each list can be compared.
 */
final class CanonicalJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CanonicalJson() {
    }

    static String of(String json) throws IOException {
        JsonNode root = MAPPER.readTree(json);
        sort(root);
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static void sort(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.fields().forEachRemaining(e -> sort(e.getValue()));
        } else if (node instanceof ArrayNode a) {
            List<JsonNode> items = new ArrayList<>();
            a.forEach(items::add);
            items.forEach(CanonicalJson::sort);
            items.sort(Comparator.comparing(CanonicalJson::identity));
            a.removeAll();
            items.forEach(a::add);
        }
    }

    private static String identity(JsonNode n) {
        StringBuilder sb = new StringBuilder();
        for (String key : List.of("plugin", "fabric", "name", "wwn", "node_wwn", "tag", "index", "ip_address", "port")) {
            if (n.has(key)) {
                sb.append(key).append('=').append(n.get(key).asText()).append(';');
            }
        }
        return sb.length() > 0 ? sb.toString() : n.toString();
    }
}
