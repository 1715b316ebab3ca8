package io.glio.engine.model;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Which portals the kernel could never bind together, decided from the configuration alone:
 * the same ip:port in two TPGs of one target (LIO's {@code iscsit_tpg_check_network_portal}),
 * and a specific address on a port where a wildcard portal listens, or the reverse (two
 * listening sockets that overlap: EADDRINUSE). The same ip:port in two targets is one
 * listener and allowed. An IPv4 wildcard covers IPv4 addresses; an IPv6 one (dual stack)
 * covers every address.
 */
final class PortalRules {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern DOT = Pattern.compile("\\.");

    private PortalRules() {
    }

    /** Whether {@code ip:port} for {@code tpg} clashes with a portal already configured. */
    static boolean conflicts(TargetModel model, Tpg tpg, String ip, int port) {
        for (Target target : model.targets) {
            for (Tpg other : target.tpgs) {
                for (Portal p : other.portals) {
                    if (p.port() != port) {
                        continue;
                    }
                    boolean same = p.ipAddress().equals(ip);
                    if ((same && other != tpg && target == tpg.target()) || (!same && overlap(ip, p.ipAddress()))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean overlap(String a, String b) {
        return covers(a, b) || covers(b, a);
    }

    private static boolean covers(String wildcard, String address) {
        if (isIpv6Wildcard(wildcard)) {
            return true;
        }
        return wildcard.equals("0.0.0.0") && !address.startsWith("[");
    }

    private static boolean isIpv6Wildcard(String ip) {
        return ip.equals("[::]") || ip.equals("[::0]");
    }

    /**
     * Whether this host has the address (a wildcard or loopback counts). Only literals are
     * looked at, so this never asks DNS; anything else is no address of this host.
     */
    static boolean isLocal(String ip) {
        boolean v6 = ip.startsWith("[") && ip.endsWith("]");
        if (!v6 && !IPV4.matcher(ip).matches()) {
            return false;
        }
        try {
            // IPv6 literals parse without a lookup; IPv4 goes through bytes, as an octet over
            // 255 would make getByName ask DNS.
            InetAddress a = v6 ? InetAddress.getByName(ip.substring(1, ip.length() - 1)) : ipv4(ip);
            return a.isAnyLocalAddress() || a.isLoopbackAddress() || NetworkInterface.getByInetAddress(a) != null;
        } catch (UnknownHostException | SocketException | NumberFormatException e) {
            return false;
        }
    }

    private static InetAddress ipv4(String ip) throws UnknownHostException {
        String[] parts = DOT.split(ip);
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int v = Integer.parseInt(parts[i]);
            if (v > 255) {
                throw new NumberFormatException(ip);
            }
            bytes[i] = (byte) v;
        }
        return InetAddress.getByAddress(bytes);
    }
}
