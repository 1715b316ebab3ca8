package io.glio.gfapi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The gluster volume tests run against: system properties {@code glio.gluster.host} /
 * {@code glio.gluster.volume} (surefire passes them; defaults 127.0.0.1 / glio-test), overridden
 * by the environment variables {@code GLIO_GLUSTER_HOST} / {@code GLIO_GLUSTER_VOLUME}.
 *
 * <p>{@link #require()} checks that libgfapi loads and glusterd answers. When not: with
 * {@code CI=true} the test fails (CI must have gluster), otherwise it is skipped with the reason.
 */
public record GlusterTestVolume(String host, String volume) {

    private static final int CONNECT_TIMEOUT_MILLIS = 2000;

    /** The configured volume, after checking it can be reached (fails or skips otherwise). */
    public static GlusterTestVolume require() {
        GlusterTestVolume target = configured();
        String problem = target.unreachableReason();
        if (problem != null) {
            String message = "gluster volume " + target + " not usable: " + problem;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + " (CI=true: tests that need gluster must not skip)");
            }
            Assumptions.abort(message);
        }
        return target;
    }

    /** The configured volume, unchecked. */
    public static GlusterTestVolume configured() {
        return new GlusterTestVolume(
                setting("GLIO_GLUSTER_HOST", "glio.gluster.host", "127.0.0.1"),
                setting("GLIO_GLUSTER_VOLUME", "glio.gluster.volume", "glio-test"));
    }

    private static String setting(String env, String property, String fallback) {
        String value = System.getenv(env);
        if (value == null || value.isBlank()) {
            value = System.getProperty(property);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Why the volume cannot be used, or null. */
    private String unreachableReason() {
        try {
            Gfapi.get();
        } catch (GlfsException e) {
            return e.getMessage();
        }
        VolfileServer server = VolfileServer.parse(host);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.host(), server.port()), CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            return "glusterd at " + server + " does not answer: " + e;
        }
        return null;
    }

    public List<String> servers() {
        return List.of(host);
    }

    /** A connection to the volume; share one per test class (glfs_fini takes ~10 s). */
    public Glfs connect() throws GlfsException {
        return Glfs.connect(volume, servers());
    }

    /** A file name prefixed {@code gfapi-} unique to this run. */
    public static String scratchName(String what) {
        return "gfapi-" + what + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    }

    @Override
    public String toString() {
        return "'" + volume + "' at " + host;
    }
}
