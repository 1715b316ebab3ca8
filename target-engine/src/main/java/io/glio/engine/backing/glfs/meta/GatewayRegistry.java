package io.glio.engine.backing.glfs.meta;

import java.util.List;

/**
 * The gateways that export one LU, as last read from the volume, published as an immutable
 * snapshot: {@code ls}/{@code info} show it, and REPORT TARGET PORT GROUPS can be built from it
 * (each entry's port group id and relative target port id are the same on every gateway).
 *
 * @param gateways the live exports, ordered by port group id
 * @param self     this gateway's id
 */
public record GatewayRegistry(List<GatewayEntry> gateways, String self) {

    public static final GatewayRegistry EMPTY = new GatewayRegistry(List.of(), "");

    public GatewayRegistry {
        gateways = gateways.stream().sorted(java.util.Comparator.comparingInt(GatewayEntry::group)).toList();
    }

    /**
     * The ALUA access state of an export. Every group is active/optimized until ALUA across
     * gateways lands (issue 12): all paths serve I/O, as the multibus set-up expects.
     */
    public String state(GatewayEntry entry) {
        return "active";
    }

    /** Distinct gateways among the exports. */
    public long gatewayCount() {
        return gateways.stream().map(GatewayEntry::gateway).distinct().count();
    }
}
