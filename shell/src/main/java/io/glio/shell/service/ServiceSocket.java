package io.glio.shell.service;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the service listens: {@code --socket PATH}, else {@code $TARGETCLI_SOCKET}, else
 * {@code /run/glio/targetcli.sock} for root and {@code $TARGETCLI_HOME/targetcli.sock} otherwise.
 */
public final class ServiceSocket {

    public static final Path ROOT_DEFAULT = Path.of("/run/glio/targetcli.sock");

    private ServiceSocket() {
    }

    public static Path resolve(Path option, Map<String, String> env, Path home, boolean root) {
        if (option != null) {
            return option.toAbsolutePath();
        }
        String var = env.get("TARGETCLI_SOCKET");
        if (var != null && !var.isEmpty()) {
            return Path.of(var).toAbsolutePath();
        }
        return root ? ROOT_DEFAULT : home.resolve("targetcli.sock").toAbsolutePath();
    }
}
