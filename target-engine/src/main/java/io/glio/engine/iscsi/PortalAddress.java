package io.glio.engine.iscsi;

import io.glio.engine.model.TpgSnapshot;

import java.net.InetSocketAddress;

/**
 * An ip:port a listener binds, in configfs spelling ({@code 0.0.0.0}, {@code [::]}). Several
 * TPGs (of different targets) may share one; they then share the listener.
 */
record PortalAddress(String ip, int port) {

    static PortalAddress of(TpgSnapshot.PortalSnapshot portal) {
        return new PortalAddress(portal.ipAddress(), portal.port());
    }

    /** The address to bind: IPv6 without its brackets. */
    InetSocketAddress bindAddress() {
        String host = ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
        return new InetSocketAddress(host, port);
    }

    boolean wildcard() {
        return ip.equals("0.0.0.0") || ip.equals("[::]") || ip.equals("[::0]");
    }

    @Override
    public String toString() {
        return ip + ":" + port;
    }
}
