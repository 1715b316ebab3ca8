package io.glio.engine.backing.glfs.meta;

import java.util.List;

/** Where this gateway exports a LU: one iSCSI target portal group and its portals ({@code ip:port}). */
public record LuExport(String iqn, int tpg, List<String> portals) {

    public LuExport {
        portals = List.copyOf(portals);
    }
}
