package io.glio.engine.backing.glfs.meta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of the three extended attributes: {@value LuMetaVolume#IDENTITY_XATTR}
 * ({@code {"version":1,"wwn":..,"size":..,"block_size":..}}) and
 * {@value LuMetaVolume#GATEWAYS_XATTR} ({@code {"version":1,"gateways":[{"gateway":..,"iqn":..,
 * "tpg":..,"portals":[..],"group":..,"port":..,"beat":..}]}}) and {@value LuMetaVolume#ALUA_XATTR}
 * ({@code {"version":1,"preferred_gateway":..,"status":..}}). A value that does not parse is a
 * {@link MetaFormatException} naming the attribute and the bad field.
 */
final class MetaCodec {

    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private MetaCodec() {
    }

    static byte[] identity(LuIdentity identity) {
        ObjectNode root = JSON.createObjectNode().put("version", VERSION).put("wwn", identity.wwn())
                .put("size", identity.size()).put("block_size", identity.blockSize());
        return bytes(root);
    }

    static LuIdentity identity(byte[] value) throws MetaFormatException {
        JsonNode root = parse(LuMetaVolume.IDENTITY_XATTR, value);
        try {
            return new LuIdentity(text(root, "wwn"), number(root, "size"), (int) number(root, "block_size"));
        } catch (IllegalArgumentException e) {
            throw new MetaFormatException(LuMetaVolume.IDENTITY_XATTR + ": " + e.getMessage());
        }
    }

    static byte[] gateways(List<GatewayEntry> entries) {
        ObjectNode root = JSON.createObjectNode().put("version", VERSION);
        ArrayNode list = root.putArray("gateways");
        for (GatewayEntry e : entries) {
            ObjectNode node = list.addObject().put("gateway", e.gateway()).put("iqn", e.iqn()).put("tpg", e.tpg());
            e.portals().forEach(node.putArray("portals")::add);
            node.put("group", e.group()).put("port", e.port()).put("beat", e.beat());
        }
        return bytes(root);
    }

    static List<GatewayEntry> gateways(byte[] value) throws MetaFormatException {
        JsonNode root = parse(LuMetaVolume.GATEWAYS_XATTR, value);
        JsonNode list = root.path("gateways");
        if (!list.isArray()) {
            throw new MetaFormatException(LuMetaVolume.GATEWAYS_XATTR + ": 'gateways' is " + list + " (expected: an array)");
        }
        List<GatewayEntry> out = new ArrayList<>();
        for (JsonNode n : list) {
            List<String> portals = new ArrayList<>();
            n.path("portals").forEach(p -> portals.add(p.asText()));
            out.add(new GatewayEntry(text(n, "gateway"), text(n, "iqn"), (int) number(n, "tpg"), portals,
                    (int) number(n, "group"), (int) number(n, "port"), number(n, "beat")));
        }
        return out;
    }

    static byte[] alua(AluaPreference alua) {
        return bytes(JSON.createObjectNode().put("version", VERSION).put("preferred_gateway", alua.preferredGateway())
                .put("status", alua.status()));
    }

    static AluaPreference alua(byte[] value) throws MetaFormatException {
        JsonNode root = parse(LuMetaVolume.ALUA_XATTR, value);
        try {
            return new AluaPreference(text(root, "preferred_gateway"), (int) number(root, "status"));
        } catch (IllegalArgumentException e) {
            throw new MetaFormatException(LuMetaVolume.ALUA_XATTR + ": " + e.getMessage());
        }
    }

    private static JsonNode parse(String attribute, byte[] value) throws MetaFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new MetaFormatException(attribute + " is not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new MetaFormatException(attribute + " is not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MetaFormatException(attribute + " is not a JSON object");
        }
        long version = root.path("version").asLong(-1);
        if (version != VERSION) {
            throw new MetaFormatException(attribute + ": version " + root.path("version") + " (expected: " + VERSION + ")");
        }
        return root;
    }

    private static String text(JsonNode node, String field) throws MetaFormatException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new MetaFormatException("'" + field + "' is " + v + " (expected: a string)");
        }
        return v.asText();
    }

    private static long number(JsonNode node, String field) throws MetaFormatException {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToLong()) {
            throw new MetaFormatException("'" + field + "' is " + v + " (expected: an integer)");
        }
        return v.asLong();
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
