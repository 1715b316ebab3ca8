package io.glio.shell;

import io.glio.engine.local.LocalPath;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the shell keeps its state: the preferences/history folder ({@code $TARGETCLI_HOME} or
 * {@code ~/.targetcli}), the configuration file ({@code --config}, else
 * {@code $TARGETCLI_CONFIG}, else {@code /etc/target/saveconfig.json} for root and
 * {@code ~/.targetcli/saveconfig.json} for others) and the engine's run directory
 * ({@link LocalPath#RUN_DIR}: {@code --run-dir}, else {@code $GLIO_RUN_DIR}, else {@code /run/glio}
 * for root and {@code $TARGETCLI_HOME/run} otherwise).
 */
public record ShellSettings(Path home, Path configFile, Path runDir) {

    public static ShellSettings resolve(Path configOption, Map<String, String> env, String userHome, boolean root) {
        return resolve(configOption, null, env, userHome, root);
    }

    /** As {@link #resolve(Path, Map, String, boolean)} with a {@code --run-dir} option (null when not given). */
    public static ShellSettings resolve(Path configOption, Path runDirOption, Map<String, String> env, String userHome,
                                        boolean root) {
        String homeVar = env.get("TARGETCLI_HOME");
        Path home = homeVar != null && !homeVar.isEmpty() ? Path.of(homeVar) : Path.of(userHome, ".targetcli");
        Path config;
        if (configOption != null) {
            config = configOption;
        } else if (env.get("TARGETCLI_CONFIG") != null && !env.get("TARGETCLI_CONFIG").isEmpty()) {
            config = Path.of(env.get("TARGETCLI_CONFIG"));
        } else if (root) {
            config = Path.of("/etc/target/saveconfig.json");
        } else {
            config = Path.of(userHome, ".targetcli", "saveconfig.json");
        }
        return new ShellSettings(home, config.toAbsolutePath(), LocalPath.RUN_DIR.resolve(runDirOption, env, home, root));
    }
}
