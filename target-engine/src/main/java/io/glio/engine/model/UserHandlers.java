package io.glio.engine.model;

import java.util.List;
import java.util.Optional;

/**
 * The tcmu-runner handlers glio provides ({@code user:glfs}) and their configuration checks,
 * standing in for tcmu-runner's D-Bus {@code CheckConfig}.
 */
public final class UserHandlers {

    /** Handler names offered under {@code /backstores/user:<name>}. */
    public static final List<String> HANDLERS = List.of("glfs");

    /** The help text tcmu-runner's glfs handler advertises ({@code help create}). */
    public static final String GLFS_CONFIG_DESCRIPTION = "glfs config string is of the form:\n"
            + "\"volume@hostname/filename\"\n"
            + "where:\n"
            + "  volume:    The volume on the Gluster server\n"
            + "  hostname:  The server's hostname\n"
            + "  filename:  The backing file\n"
            + "glio also takes hostname:port and several servers for failover:\n"
            + "\"volume@host1:24007,host2,[fd00::3]:24008/filename\"";

    private UserHandlers() {
    }

    /**
     * rtslib refuses {@code ':'} anywhere in a user-backed config string. glio keeps that rule,
     * except for glfs's extension beyond tcmu-runner: {@code host:port} in the server list
     * between {@code '@'} and the first {@code '/'} after it ({@code vol@h1:24007,h2/file}).
     *
     * @throws InvalidValueException when a ':' is somewhere else
     */
    static void checkColons(String config) {
        misplacedGlfsColon(config).ifPresent(reason -> {
            throw new InvalidValueException(reason);
        });
        if (!config.startsWith("glfs/") && config.contains(":")) {
            throw new InvalidValueException("':' not allowed in config string");
        }
    }

    private static Optional<String> misplacedGlfsColon(String config) {
        if (!config.startsWith("glfs/") || !config.contains(":")) {
            return Optional.empty();
        }
        int at = config.indexOf('@');
        int slash = at < 0 ? -1 : config.indexOf('/', at + 1);
        if (at >= 0 && config.indexOf(':') > at && (slash < 0 || config.lastIndexOf(':') < slash)) {
            return Optional.empty();
        }
        return Optional.of("':' not allowed in config string '" + config
                + "' except as host:port between '@' and the file path");
    }

    /**
     * Checks a config string (with the handler prefix, {@code glfs/vol@host/path}) and returns
     * the reason it is refused, or empty when it is well-formed. For glfs the volume, host and
     * path must all be non-empty; reachability is not checked here.
     */
    public static Optional<String> checkConfig(String config) {
        int slash = config.indexOf('/');
        String handler = slash < 0 ? config : config.substring(0, slash);
        if (!HANDLERS.contains(handler)) {
            return Optional.of("no handler for " + handler);
        }
        Optional<String> colon = misplacedGlfsColon(config);
        if (colon.isPresent()) {
            return colon;
        }
        GlfsConfig parsed = GlfsConfig.parse(slash < 0 ? "" : config.substring(slash + 1)).orElse(null);
        if (parsed == null) {
            return Optional.of("hostaddr, volname, or path missing");
        }
        return Optional.empty();
    }

    /** A parsed glfs config string: {@code volume@hostname/path/in/volume}. */
    public record GlfsConfig(String volume, String host, String path) {

        /** Parses {@code volume@hostname/path}; empty when a part is missing. */
        public static Optional<GlfsConfig> parse(String cfgstring) {
            int at = cfgstring.indexOf('@');
            if (at <= 0) {
                return Optional.empty();
            }
            int slash = cfgstring.indexOf('/', at + 1);
            if (slash < 0 || slash == at + 1 || slash == cfgstring.length() - 1) {
                return Optional.empty();
            }
            return Optional.of(new GlfsConfig(cfgstring.substring(0, at),
                    cfgstring.substring(at + 1, slash), cfgstring.substring(slash + 1)));
        }
    }
}
