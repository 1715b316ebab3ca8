package io.glio.engine.backing.glfs.meta;

import java.util.List;

/**
 * One gateway's export of a LU as recorded on the volume: which gateway, through which target
 * and TPG and portals, the ALUA port group id and relative target port id the registry
 * allocated to it (unique among the LU's entries, the same seen from every gateway), and its
 * heartbeat counter, which the gateway increments at every beat.
 */
public record GatewayEntry(String gateway, String iqn, int tpg, List<String> portals, int group, int port,
                           long beat) {

    public GatewayEntry {
        portals = List.copyOf(portals);
    }

    /** What identifies an export: the gateway and its target portal group. */
    public String key() {
        return gateway + " " + iqn + " " + tpg;
    }

    GatewayEntry beaten(List<String> newPortals) {
        return new GatewayEntry(gateway, iqn, tpg, newPortals, group, port, beat + 1);
    }
}
