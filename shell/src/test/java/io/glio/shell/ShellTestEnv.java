package io.glio.shell;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The environment every test that runs targetcli gives it: its own preferences folder
 * ({@code TARGETCLI_HOME}), configuration file ({@code TARGETCLI_CONFIG}) and service socket
 * ({@code TARGETCLI_SOCKET}), all under temp paths. Without the socket a test run as root would
 * look for a service on {@code /run/glio/targetcli.sock} and attach to whatever runs there.
 */
public final class ShellTestEnv {

    private ShellTestEnv() {
    }

    /** For a test with no service: the socket is a path in {@code home} nobody listens on. */
    public static Map<String, String> of(Path home, Path config) {
        return of(home, config, home.resolve("no-service.sock"));
    }

    public static Map<String, String> of(Path home, Path config, Path socket) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TARGETCLI_HOME", home.toString());
        env.put("TARGETCLI_CONFIG", config.toString());
        env.put("TARGETCLI_SOCKET", socket.toString());
        return Map.copyOf(env);
    }

    /**
     * Sets the same variables in a child process's environment, and drops {@code NOTIFY_SOCKET}
     * (a test run under systemd must not report readiness for the unit that runs it).
     */
    public static ProcessBuilder applyTo(ProcessBuilder pb, Path home, Path config, Path socket) {
        pb.environment().putAll(of(home, config, socket));
        pb.environment().remove("NOTIFY_SOCKET");
        return pb;
    }

    /** The same variables as an {@code env} prefix for a {@code /bin/sh} script line. */
    public static String envCommand(Path home, Path config, Path socket) {
        return of(home, config, socket).entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "='" + e.getValue() + "'")
                .collect(Collectors.joining(" ", "env -u NOTIFY_SOCKET ", ""));
    }
}
