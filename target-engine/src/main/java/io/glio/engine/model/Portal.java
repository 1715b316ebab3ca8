package io.glio.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A network portal ({@code np/<ip>:<port>}) of an iSCSI TPG. The IP is as configfs names it:
 * IPv4 dotted, IPv6 in brackets ({@code [::1]}).
 */
public final class Portal {

    private final Tpg tpg;
    private final String ipAddress;
    private final int port;
    boolean iser;
    boolean offload;
    Map<String, Object> unknownKeys = new LinkedHashMap<>();

    Portal(Tpg tpg, String ipAddress, int port) {
        this.tpg = tpg;
        this.ipAddress = ipAddress;
        this.port = port;
    }

    public Tpg tpg() {
        return tpg;
    }

    public String ipAddress() {
        return ipAddress;
    }

    public int port() {
        return port;
    }

    /** {@code <ip>:<port>}, the node name in the shell tree. */
    public String name() {
        return ipAddress + ":" + port;
    }

    public boolean iser() {
        return iser;
    }

    public boolean offload() {
        return offload;
    }

    public String configfsPath() {
        return tpg.configfsPath() + "/np/" + name();
    }

    public Map<String, Object> unknownKeys() {
        return Collections.unmodifiableMap(unknownKeys);
    }

    @Override
    public String toString() {
        return "Portal[" + tpg + "/" + name() + "]";
    }
}
