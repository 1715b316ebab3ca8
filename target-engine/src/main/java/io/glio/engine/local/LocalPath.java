package io.glio.engine.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a local file of glio goes: the command line's option, else an environment variable,
 * else a fixed path for root, else a name under the user's {@code $TARGETCLI_HOME}.
 *
 * @param variable    the environment variable (an empty value counts as unset)
 * @param rootDefault the path for root
 * @param underHome   the name under the home folder for everyone else
 */
public record LocalPath(String variable, Path rootDefault, String underHome) {

    /**
     * The engine's run directory: its runtime sockets (the loopback targets' NBD sockets under
     * {@code loopback/}).
     */
    public static final LocalPath RUN_DIR = new LocalPath("GLIO_RUN_DIR", Path.of("/run/glio"), "run");

    /** The absolute path, from {@code option} (null when not given) down to the defaults. */
    public Path resolve(Path option, Map<String, String> env, Path home, boolean root) {
        if (option != null) {
            return option.toAbsolutePath();
        }
        String value = env.get(variable);
        if (value != null && !value.isEmpty()) {
            return Path.of(value).toAbsolutePath();
        }
        return root ? rootDefault : home.resolve(underHome).toAbsolutePath();
    }
}
