package io.glio.engine.backing.glfs.meta;

import java.util.Comparator;
import java.util.List;

/**
 * The gateways that export one LU and the LU's ALUA setting, as last read from the volume,
 * published as an immutable snapshot: {@code ls}/{@code info} show it, and REPORT TARGET PORT
 * GROUPS is built from it (each entry's port group id and relative target port id are the
 * same on every gateway, and so is every group's state, derived from the setting alone).
 *
 * @param gateways the live exports, ordered by port group id
 * @param self     this gateway's id
 * @param alua     the preferred gateway, if any
 */
public record GatewayRegistry(List<GatewayEntry> gateways, String self, AluaPreference alua) {

    public static final GatewayRegistry EMPTY = new GatewayRegistry(List.of(), "");

    /** ALUA asymmetric access states (SPC-4 6.36) the groups of a shared LU take. */
    public static final int ACTIVE_OPTIMIZED = 0;
    public static final int ACTIVE_NON_OPTIMIZED = 1;

    public GatewayRegistry {
        gateways = gateways.stream().sorted(Comparator.comparingInt(GatewayEntry::group)).toList();
    }

    /** A registry without a preferred gateway. */
    public GatewayRegistry(List<GatewayEntry> gateways, String self) {
        this(gateways, self, AluaPreference.NONE);
    }

    /**
     * The ALUA access state of an export: every group active/optimized (multibus) unless a live
     * gateway is preferred; then its groups are active/optimized and the others
     * active/non-optimized. A preferred gateway whose entries expired prefers nothing, so the
     * remaining paths are all optimized again rather than all non-optimized.
     */
    public int accessState(GatewayEntry entry) {
        return !preferredIsLive() || entry.gateway().equals(alua.preferredGateway()) ? ACTIVE_OPTIMIZED
                : ACTIVE_NON_OPTIMIZED;
    }

    /** Whether the export belongs to the preferred gateway (the PREF bit of RTPG). */
    public boolean preferred(GatewayEntry entry) {
        return preferredIsLive() && entry.gateway().equals(alua.preferredGateway());
    }

    /** {@code active/optimized} or {@code active/non-optimized}, for {@code ls}/{@code info}. */
    public String state(GatewayEntry entry) {
        return accessState(entry) == ACTIVE_OPTIMIZED ? "active/optimized" : "active/non-optimized";
    }

    private boolean preferredIsLive() {
        return alua.hasPreferred() && gateways.stream().anyMatch(e -> e.gateway().equals(alua.preferredGateway()));
    }

    /** Distinct gateways among the exports. */
    public long gatewayCount() {
        return gateways.stream().map(GatewayEntry::gateway).distinct().count();
    }
}
