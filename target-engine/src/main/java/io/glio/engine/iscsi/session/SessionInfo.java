package io.glio.engine.iscsi.session;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Map;

/**
 * A live session as the shell's {@code sessions} command shows it.
 *
 * @param initiatorName the initiator's iSCSI name
 * @param targetName    the target's name; empty for a discovery session
 * @param tpgTag        the TPG tag (the portal's first TPG for discovery)
 * @param sessionType   {@code Normal} or {@code Discovery}
 * @param isid          the ISID as 12 hex digits
 * @param tsih          the target session identifying handle
 * @param connections   the session's connections
 * @param negotiated    the operational keys with their negotiated values
 * @param authenticated whether the initiator authenticated with CHAP
 */
public record SessionInfo(String initiatorName, String targetName, int tpgTag, String sessionType,
                          String isid, int tsih, List<ConnectionInfo> connections,
                          Map<String, String> negotiated, boolean authenticated) {

    /** One connection: its CID and socket addresses ({@code ip:port}). */
    public record ConnectionInfo(int cid, String localAddress, String remoteAddress) {

        /** The info of a connection with these socket addresses. */
        public static ConnectionInfo of(int cid, SocketAddress local, SocketAddress remote) {
            return new ConnectionInfo(cid, address(local), address(remote));
        }

        /** {@code ip:port}, an IPv6 address in brackets. */
        private static String address(SocketAddress a) {
            if (a instanceof InetSocketAddress i) {
                String host = i.getAddress() == null ? i.getHostString() : i.getAddress().getHostAddress();
                return (host.contains(":") ? "[" + host + "]" : host) + ":" + i.getPort();
            }
            return String.valueOf(a);
        }
    }
}
