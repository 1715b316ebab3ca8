package io.glio.gfapi;

/**
 * A glusterd that hands out the volume file ({@code glfs_set_volfile_server}), over TCP.
 *
 * @param host name or address; IPv6 literals without brackets
 * @param port glusterd port, {@value #DEFAULT_PORT} unless given
 */
public record VolfileServer(String host, int port) {

    public static final int DEFAULT_PORT = 24007;

    public VolfileServer {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("volfile server host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("volfile server port " + port + " is not in 1..65535");
        }
    }

    /**
     * Parses {@code host}, {@code host:port}, {@code [v6addr]} or {@code [v6addr]:port}.
     *
     * @throws IllegalArgumentException naming the bad text
     */
    public static VolfileServer parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("volfile server is empty");
        }
        String host;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("volfile server '" + text + "': missing ']'");
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("volfile server '" + text + "': unexpected '" + rest + "'");
                }
                port = rest.substring(1);
            }
        } else {
            int colon = text.indexOf(':');
            if (colon >= 0 && text.indexOf(':', colon + 1) >= 0) {
                throw new IllegalArgumentException("volfile server '" + text
                        + "': write IPv6 addresses in brackets, [addr]:port");
            }
            host = colon < 0 ? text : text.substring(0, colon);
            port = colon < 0 ? null : text.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("volfile server '" + text + "': host is empty");
        }
        return new VolfileServer(host, port == null ? DEFAULT_PORT : parsePort(text, port));
    }

    private static int parsePort(String text, String port) {
        try {
            int value = Integer.parseInt(port);
            if (value >= 1 && value <= 65535 && port.chars().allMatch(Character::isDigit)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the whole server text
        }
        throw new IllegalArgumentException("volfile server '" + text + "': port '" + port
                + "' is not a number in 1..65535");
    }

    /** {@code host:port}, bracketing IPv6 literals. */
    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
