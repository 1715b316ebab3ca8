package io.glio.engine.backing.glfs;

import io.glio.gfapi.VolfileServer;
import io.glio.engine.backing.BackingStoreException;
import io.glio.engine.backing.BackingStoreException.Condition;
import java.util.ArrayList;
import java.util.List;

/**
 * A user:glfs config string, {@code glfs/volume@host/path/in/volume} as tcmu-runner's glfs
 * handler reads it, extended with an optional port and backup volfile servers:
 * {@code glfs/volume@h1,h2:24008/path}. The path is relative to the volume root.
 *
 * @param volume  gluster volume name
 * @param servers volfile servers, tried in order
 * @param path    file inside the volume
 */
public record GlfsConfigString(String volume, List<VolfileServer> servers, String path) {

    public static final String PREFIX = "glfs/";

    public GlfsConfigString {
        servers = List.copyOf(servers);
    }

    /** The connection this file is reached through: volume and servers, shared by all its files. */
    public VolumeKey volumeKey() {
        return new VolumeKey(volume, servers);
    }

    /** Identity of a gluster connection: one {@code glfs_t} per volume and server list. */
    public record VolumeKey(String volume, List<VolfileServer> servers) {
        @Override
        public String toString() {
            return volume + "@" + String.join(",", servers.stream().map(VolfileServer::toString).toList());
        }
    }

    /**
     * Parses a storage object's config ({@code glfs/...}).
     *
     * @throws BackingStoreException naming the part that is wrong
     */
    public static GlfsConfigString parse(String config) throws BackingStoreException {
        if (config == null || !config.startsWith(PREFIX)) {
            throw invalid(config, "does not start with '" + PREFIX + "'");
        }
        String rest = config.substring(PREFIX.length());
        int at = rest.indexOf('@');
        if (at < 0) {
            throw invalid(config, "no '@' between volume and host (expected volume@host/path)");
        }
        String volume = rest.substring(0, at);
        if (volume.isEmpty()) {
            throw invalid(config, "volume name before '@' is empty");
        }
        if (!volume.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
            throw invalid(config, "volume name '" + volume + "' may hold only letters, digits, '-', '_' and '.'");
        }
        int slash = rest.indexOf('/', at + 1);
        if (slash < 0) {
            throw invalid(config, "no '/' between host and file path (expected volume@host/path)");
        }
        String hosts = rest.substring(at + 1, slash);
        if (hosts.isEmpty()) {
            throw invalid(config, "host between '@' and '/' is empty");
        }
        List<VolfileServer> servers = new ArrayList<>();
        String[] parts = hosts.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                throw invalid(config, "server " + (i + 1) + " of '" + hosts + "' is empty");
            }
            try {
                servers.add(VolfileServer.parse(parts[i]));
            } catch (IllegalArgumentException e) {
                throw invalid(config, e.getMessage());
            }
        }
        String path = rest.substring(slash + 1);
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (path.isEmpty()) {
            throw invalid(config, "file path after the host is empty");
        }
        if (path.endsWith("/")) {
            throw invalid(config, "file path '" + path + "' names a directory");
        }
        return new GlfsConfigString(volume, servers, path);
    }

    private static BackingStoreException invalid(String config, String problem) {
        return new BackingStoreException(Condition.INTERNAL, "invalid glfs config '" + config + "': " + problem);
    }

    /** The config string, {@code glfs/volume@host[:port][,host...]/path}. */
    @Override
    public String toString() {
        return PREFIX + volumeKey() + "/" + path;
    }
}
