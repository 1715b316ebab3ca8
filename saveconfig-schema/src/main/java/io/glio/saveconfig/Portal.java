package io.glio.saveconfig;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One entry of a TPG's {@code portals}.
 *
 * @param ipAddress {@code ip_address}: {@code 0.0.0.0}, {@code 192.168.1.10}, IPv6 in brackets {@code [::1]} (required)
 * @param port      {@code port} (required)
 * @param iser      {@code iser}, or {@code null} when absent
 * @param offload   {@code offload}, or {@code null} when absent
 * @param extra     keys this model does not know, written back unchanged
 */
public record Portal(String ipAddress, int port, Boolean iser, Boolean offload, Map<String, JsonNode> extra) {

    public Portal {
        if (ipAddress == null) {
            throw new IllegalArgumentException("portal ip_address is required");
        }
        extra = Copies.extra(extra);
    }

    /** A portal as rtslib saves it ({@code iser} and {@code offload} false). */
    public static Portal of(String ipAddress, int port) {
        return new Portal(ipAddress, port, false, false, Map.of());
    }
}
