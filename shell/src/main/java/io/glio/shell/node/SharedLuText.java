package io.glio.shell.node;

import io.glio.engine.backing.glfs.meta.GatewayEntry;
import io.glio.engine.backing.glfs.meta.GatewayRegistry;
import io.glio.engine.backing.glfs.meta.LuSharing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How {@code ls} and {@code info} show a LU shared through its gluster volume: the gateways
 * exporting it (from the registry on the volume) and their ALUA state, and whether this
 * gateway's identity is settled.
 */
final class SharedLuText {

    private SharedLuText() {
    }

    /** {@code 2 gateways: 1 active, 2 active} for {@code ls}; empty when not shared or none yet. */
    static Optional<String> summary(Optional<LuSharing> sharing) {
        if (sharing.isEmpty() || sharing.get().status() != LuSharing.Status.SHARED) {
            return sharing.filter(s -> s.status() == LuSharing.Status.PENDING).map(s -> "identity pending");
        }
        GatewayRegistry registry = sharing.get().registry();
        List<GatewayEntry> gateways = registry.gateways();
        if (gateways.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        text.append(registry.gatewayCount()).append(registry.gatewayCount() == 1 ? " gateway: " : " gateways: ");
        for (int i = 0; i < gateways.size(); i++) {
            GatewayEntry e = gateways.get(i);
            text.append(i == 0 ? "" : ", ").append("group ").append(e.group()).append(' ').append(registry.state(e));
            if (e.gateway().equals(registry.self())) {
                text.append(" (this one)");
            }
        }
        return Optional.of(text.toString());
    }

    /** {@code identity} and one {@code gateway_<group>} line per export, for {@code info}. */
    static Map<String, String> info(LuSharing sharing) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("identity", switch (sharing.status()) {
            case SHARED -> "shared through the volume";
            case PENDING, CONFLICT -> sharing.status().name().toLowerCase(java.util.Locale.ROOT) + ": " + sharing.message();
        });
        GatewayRegistry registry = sharing.registry();
        for (GatewayEntry e : registry.gateways()) {
            v.put("gateway_" + e.group(), e.gateway() + (e.gateway().equals(registry.self()) ? " (this one)" : "")
                    + " " + e.iqn() + " tpg" + e.tpg() + " " + String.join(",", e.portals()) + " "
                    + registry.state(e) + " (port group " + e.group() + ", relative port " + e.port() + ")");
        }
        return v;
    }
}
