package io.glio.shell;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the engine keeps its runtime sockets (the loopback targets' NBD sockets under
 * {@code loopback/}): {@code --run-dir DIR}, else {@code $GLIO_RUN_DIR}, else {@code /run/glio} for root and
 * {@code $TARGETCLI_HOME/run} otherwise.
 */
public final class RunDir {

    public static final Path ROOT_DEFAULT = Path.of("/run/glio");

    private RunDir() {
    }

    public static Path resolve(Path option, Map<String, String> env, Path home, boolean root) {
        if (option != null) {
            return option.toAbsolutePath();
        }
        String var = env.get("GLIO_RUN_DIR");
        if (var != null && !var.isEmpty()) {
            return Path.of(var).toAbsolutePath();
        }
        return root ? ROOT_DEFAULT : home.resolve("run").toAbsolutePath();
    }
}
