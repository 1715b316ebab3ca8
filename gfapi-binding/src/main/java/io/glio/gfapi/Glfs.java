package io.glio.gfapi;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import jnr.ffi.Pointer;

/**
 * A connection to one gluster volume ({@code glfs_t}): one per volume and set of volfile
 * servers, shared by every file opened on it. Thread-safe.
 *
 * <p>Closing ({@code glfs_fini}, which takes seconds) is refused with
 * {@link IllegalStateException} while files are open or calls are running, since gfapi would
 * free memory those still use.
 */
public final class Glfs implements AutoCloseable {

    static final int O_RDWR = 02;
    static final int O_CREAT = 0100;
    static final int O_EXCL = 0200;
    private static final int EEXIST = 17;

    /** gfapi logs to this file (default {@code /dev/null}), so nothing reaches stderr. */
    public static final String LOG_FILE_PROPERTY = "glio.gfapi.logfile";
    /** gfapi log level 0 (none) .. 9 (trace); 7 is INFO. Default 4 (errors). */
    public static final String LOG_LEVEL_PROPERTY = "glio.gfapi.loglevel";

    /**
     * {@code true} keeps the client-side io-threads xlator of the volume's graph working (volume
     * option {@code performance.client-io-threads}); by default glio's connections put it in
     * pass-through. With it, every call is queued to one of its worker threads and gfapi runs the
     * completion there: one more thread hand-off per call, which glio's callers, never waiting
     * in gfapi, do not need (docs/performance.md has the measurement).
     */
    public static final String CLIENT_IO_THREADS_PROPERTY = "glio.gfapi.clientIoThreads";
    /** Glob naming the client graph's io-threads xlator ({@code <volume>-io-threads}). */
    static final String IO_THREADS_XLATORS = "*-io-threads";

    /**
     * An option of the client graph's xlators ({@code glfs_set_xlator_option}), applied to each
     * xlator whose name matches the glob {@code xlators} (names are {@code <volume>-<type>}, e.g.
     * {@code *-write-behind}); a glob that matches nothing changes nothing.
     */
    public record XlatorOption(String xlators, String key, String value) {
        public XlatorOption {
            if (xlators.isEmpty() || key.isEmpty()) {
                throw new IllegalArgumentException("xlator option '" + xlators + "' '" + key + "' needs a glob and a key");
            }
        }

        @Override
        public String toString() {
            return xlators + "." + key + "=" + value;
        }
    }

    private final Gfapi api;
    private final Pointer fs;
    private final String volume;
    private final List<VolfileServer> servers;
    private final List<XlatorOption> options;
    private int openFiles;
    private int callsInFlight;
    private boolean closed;

    private Glfs(Gfapi api, Pointer fs, String volume, List<VolfileServer> servers, List<XlatorOption> options) {
        this.api = api;
        this.fs = fs;
        this.volume = volume;
        this.servers = servers;
        this.options = options;
    }

    /**
     * Connects to {@code volume} through the given volfile servers ({@code host} or
     * {@code host:port}, tried in order). Blocks until the volume's bricks are reached or the
     * attempt fails (a missing volume or unreachable server fails within about a second).
     *
     * @throws GlfsException naming the volume and servers, with the errno and a hint
     * @throws IllegalArgumentException for an empty volume name, no servers or a malformed server
     */
    public static Glfs connect(String volume, List<String> servers) throws GlfsException {
        return connectTo(volume, servers.stream().map(VolfileServer::parse).toList());
    }

    /** As {@link #connect(String, List)} with parsed servers. */
    public static Glfs connectTo(String volume, List<VolfileServer> servers) throws GlfsException {
        return connectTo(volume, servers, List.of());
    }

    /**
     * As {@link #connectTo(String, List)}, with options for this connection's client graph that
     * override the volume's own (e.g. {@code *-write-behind pass-through true}); other clients of
     * the volume keep theirs.
     */
    public static Glfs connectTo(String volume, List<VolfileServer> servers, List<XlatorOption> options)
            throws GlfsException {
        if (volume == null || volume.isEmpty()) {
            throw new IllegalArgumentException("volume name is empty");
        }
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("no volfile server given for volume '" + volume + "'");
        }
        Gfapi api = Gfapi.get();
        String what = "of volume '" + volume + "' via " + servers;
        Pointer fs = api.lib.glfs_new(volume);
        if (fs == null) {
            throw new GlfsException("glfs_new", api.errno(), what);
        }
        try {
            for (VolfileServer server : servers) {
                if (api.lib.glfs_set_volfile_server(fs, "tcp", server.host(), server.port()) != 0) {
                    throw new GlfsException("glfs_set_volfile_server", api.errno(), what);
                }
            }
            if (!Boolean.getBoolean(CLIENT_IO_THREADS_PROPERTY)
                    && api.lib.glfs_set_xlator_option(fs, IO_THREADS_XLATORS, "pass-through", "true") != 0) {
                throw new GlfsException("glfs_set_xlator_option", api.errno(), IO_THREADS_XLATORS + " pass-through");
            }
            for (XlatorOption option : options) {
                if (api.lib.glfs_set_xlator_option(fs, option.xlators(), option.key(), option.value()) != 0) {
                    throw new GlfsException("glfs_set_xlator_option", api.errno(), option.toString());
                }
            }
            String logFile = System.getProperty(LOG_FILE_PROPERTY, "/dev/null");
            int logLevel = Integer.getInteger(LOG_LEVEL_PROPERTY, 4);
            if (api.lib.glfs_set_logging(fs, logFile, logLevel) != 0) {
                throw new GlfsException("glfs_set_logging", api.errno(), "to " + logFile);
            }
            if (api.lib.glfs_init(fs) != 0) {
                int errno = api.errno();
                throw new GlfsException("glfs_init", errno, what, initHint(errno, volume, servers));
            }
        } catch (GlfsException e) {
            // glfs_fini also frees a glfs_t whose init failed; it returns quickly then.
            api.lib.glfs_fini(fs);
            throw e;
        }
        return new Glfs(api, fs, volume, List.copyOf(servers), List.copyOf(options));
    }

    private static String initHint(int errno, String volume, List<VolfileServer> servers) {
        if (errno == 2) {
            return "no volume '" + volume + "' on " + servers;
        }
        List<String> unresolved = new ArrayList<>();
        for (VolfileServer server : servers) {
            try {
                InetAddress.getByName(server.host());
            } catch (UnknownHostException e) {
                unresolved.add(server.host());
            }
        }
        if (!unresolved.isEmpty()) {
            return "host name does not resolve: " + String.join(", ", unresolved);
        }
        return errno == 107 ? "no volfile server or brick answered" : "";
    }

    public String volume() {
        return volume;
    }

    public List<VolfileServer> servers() {
        return servers;
    }

    /** The xlator options this connection was made with. */
    public List<XlatorOption> options() {
        return options;
    }

    /** Opens an existing file read-write ({@code glfs_open}, {@code ENOENT} when missing). */
    public GlfsFile open(String path) throws GlfsException {
        return openWith("glfs_open", path, () -> api.lib.glfs_open(fs, path, O_RDWR));
    }

    /**
     * Creates a new empty file read-write with the given permission bits; {@code EEXIST} when
     * it exists already.
     */
    public GlfsFile create(String path, int mode) throws GlfsException {
        return openWith("glfs_creat", path, () -> api.lib.glfs_creat(fs, path, O_CREAT | O_EXCL | O_RDWR, mode));
    }

    /**
     * Opens a file read-write, creating it empty with {@code mode} when missing (no error when
     * it exists, whoever creates it first).
     */
    public GlfsFile openOrCreate(String path, int mode) throws GlfsException {
        return openWith("glfs_creat", path, () -> api.lib.glfs_creat(fs, path, O_CREAT | O_RDWR, mode));
    }

    /** Makes a folder; an existing one is fine ({@code EEXIST} is not an error). */
    public void mkdirs(String path, int mode) throws GlfsException {
        enter();
        try {
            if (api.lib.glfs_mkdir(fs, path, mode) != 0) {
                int errno = api.errno();
                if (errno != EEXIST) {
                    throw new GlfsException("glfs_mkdir", errno, describe(path));
                }
            }
        } finally {
            exit(false);
        }
    }

    private interface FdOpener {
        Pointer open();
    }

    private GlfsFile openWith(String call, String path, FdOpener opener) throws GlfsException {
        enter();
        boolean opened = false;
        try {
            Pointer fd = opener.open();
            if (fd == null) {
                throw new GlfsException(call, api.errno(), describe(path));
            }
            opened = true;
            return new GlfsFile(this, api, fd, path);
        } finally {
            exit(opened);
        }
    }

    /** Size in bytes of a file on the volume ({@code glfs_stat}). */
    public long fileSize(String path) throws GlfsException {
        enter();
        try {
            Pointer stat = api.newStat();
            if (api.lib.glfs_stat(fs, path, stat) != 0) {
                throw new GlfsException("glfs_stat", api.errno(), describe(path));
            }
            return Gfapi.statSize(stat);
        } finally {
            exit(false);
        }
    }

    /** Removes a file from the volume ({@code glfs_unlink}). */
    public void unlink(String path) throws GlfsException {
        enter();
        try {
            if (api.lib.glfs_unlink(fs, path) != 0) {
                throw new GlfsException("glfs_unlink", api.errno(), describe(path));
            }
        } finally {
            exit(false);
        }
    }

    String describe(String path) {
        return "'" + path + "' on volume '" + volume + "'";
    }

    private synchronized void enter() {
        if (closed) {
            throw new IllegalStateException("gluster volume '" + volume + "' connection is closed");
        }
        callsInFlight++;
    }

    private synchronized void exit(boolean fileOpened) {
        callsInFlight--;
        if (fileOpened) {
            openFiles++;
        }
    }

    synchronized void fileClosed() {
        openFiles--;
    }

    /** Files opened on this connection and not closed yet. */
    public synchronized int openFiles() {
        return openFiles;
    }

    /**
     * Disconnects ({@code glfs_fini}; takes about ten seconds). Idempotent.
     *
     * @throws IllegalStateException while files are open or calls are running
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (openFiles > 0 || callsInFlight > 0) {
                throw new IllegalStateException("cannot close gluster volume '" + volume + "': "
                        + openFiles + " file(s) open, " + callsInFlight + " call(s) running");
            }
            closed = true;
        }
        api.lib.glfs_fini(fs);
    }

    @Override
    public String toString() {
        return "Glfs[" + volume + " via " + servers + "]";
    }
}
