package io.glio.engine.runtime;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test initiator that does what dm-multipath does with {@code path_grouping_policy multibus},
 * {@code rr_min_io 1} and {@code no_path_retry fail} (queue_if_no_path off): one iSCSI session
 * per path (each an {@link IscsiClient}), every command sent down the next live path in turn,
 * and a command whose path breaks (the connection closed or reset, or no status within the
 * command timeout) marked failed and sent again down the next live path. A command that gets a
 * status, good or not, is not retried: a CHECK CONDITION is the LU's answer, not the path's.
 * When no path is left the command fails with {@link NoPathException}.
 *
 * <p>One command at a time, from one thread (as one dm-multipath queue with depth 1): paths are
 * not thread-safe, and a strict order makes "the last write completed" well defined for the
 * {@link VerifyingWorkload}. A failed path stays failed (no path checker reinstates it).
 */
final class MultipathClient implements AutoCloseable {

    /** Thrown when every path has failed. */
    static final class NoPathException extends IOException {
        NoPathException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** {@code iscsi://host[:port]/target-iqn/lun}, as libiscsi spells it. */
    record PathUrl(String host, int port, String target, long lun) {
        static PathUrl parse(String url) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("path URL '" + url + "': " + e.getMessage(), e);
            }
            String[] parts = uri.getPath() == null ? new String[0] : uri.getPath().split("/");
            if (!"iscsi".equals(uri.getScheme()) || uri.getHost() == null || parts.length != 3
                    || parts[1].isEmpty() || !parts[2].matches("[0-9]{1,5}")) {
                throw new IllegalArgumentException("path URL '" + url
                        + "' (expected: iscsi://host[:port]/target-iqn/lun)");
            }
            return new PathUrl(uri.getHost(), uri.getPort() < 0 ? 3260 : uri.getPort(), parts[1],
                    Long.parseLong(parts[2]));
        }

        @Override
        public String toString() {
            return "iscsi://" + host + ":" + port + "/" + target + "/" + lun;
        }
    }

    /**
     * One path failover: when the broken command was noticed and when the same command completed
     * on another path ({@link System#nanoTime()}); {@code resumedNanos} is 0 if it never did.
     */
    record Failover(PathUrl path, String cause, long failedNanos, long resumedNanos) {
    }

    private static final class Path {
        final PathUrl url;
        final IscsiClient client;
        boolean live = true;
        long commands;

        Path(PathUrl url, IscsiClient client) {
            this.url = url;
            this.client = client;
        }
    }

    private final List<Path> paths;
    private final List<Failover> failovers = new ArrayList<>();
    private int next;

    private MultipathClient(List<Path> paths) {
        this.paths = paths;
    }

    /**
     * Logs in to every URL as {@code initiator} and clears each path's power-on unit attention.
     * Every path must log in: a multipath test that starts degraded tests nothing.
     */
    static MultipathClient connect(List<String> urls, String initiator, Duration commandTimeout) throws Exception {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no path URL given");
        }
        List<PathUrl> parsed = urls.stream().map(PathUrl::parse).toList();
        List<Path> paths = new ArrayList<>();
        try {
            for (PathUrl url : parsed) {
                IscsiClient client = new IscsiClient(url.host(), url.port(), commandTimeout);
                paths.add(new Path(url, client));
                IscsiClient.Login login = client.login(initiator, url.target(), null, null, false, false);
                if (!login.ok()) {
                    throw new IOException(String.format("login to %s failed: status class %d detail %d", url,
                            login.statusClass(), login.statusDetail()));
                }
                clearUnitAttention(client.useLun(url.lun()), url);
            }
        } catch (Exception e) {
            for (Path p : paths) {
                p.client.close();
            }
            throw e;
        }
        return new MultipathClient(paths);
    }

    /** TEST UNIT READY until GOOD: unit attentions are reported one per command. */
    private static void clearUnitAttention(IscsiClient client, PathUrl url) throws Exception {
        IscsiClient.Result r = client.testUnitReady();
        for (int i = 0; i < 10 && !r.good(); i++) {
            r = client.testUnitReady();
        }
        if (!r.good()) {
            throw new IOException("LUN at " + url + " is not ready: sense " + r.senseText());
        }
    }

    /** Runs one command down the next live path, failing over as described above. */
    IscsiClient.Result execute(byte[] cdb, int length, byte[] dataOut) throws Exception {
        Failover pending = null;
        while (true) {
            Path path = nextLivePath(pending);
            try {
                IscsiClient.Result r = path.client.execute(cdb, length, dataOut);
                path.commands++;
                if (pending != null) {
                    failovers.set(failovers.size() - 1, new Failover(pending.path(), pending.cause(),
                            pending.failedNanos(), System.nanoTime()));
                }
                return r;
            } catch (IOException e) {
                path.live = false;
                closeQuietly(path.client);
                pending = new Failover(path.url, e.toString(), System.nanoTime(), 0);
                failovers.add(pending);
            }
        }
    }

    private Path nextLivePath(Failover pending) throws NoPathException {
        for (int i = 0; i < paths.size(); i++) {
            Path p = paths.get(next);
            next = (next + 1) % paths.size();
            if (p.live) {
                return p;
            }
        }
        throw new NoPathException("no live path left of " + paths.stream().map(p -> p.url.toString()).toList()
                + (pending == null ? "" : "; last failure on " + pending.path() + ": " + pending.cause()), null);
    }

    /** The failovers so far, oldest first. */
    List<Failover> failovers() {
        return List.copyOf(failovers);
    }

    int livePaths() {
        return (int) paths.stream().filter(p -> p.live).count();
    }

    /** Commands that completed on each path, in URL order. */
    List<Long> commandsPerPath() {
        return paths.stream().map(p -> p.commands).toList();
    }

    /** Milliseconds from {@code killedNanos} to the first failed-over command's completion; -1 if none. */
    long failoverMillis(long killedNanos) {
        return failovers.stream().filter(f -> f.resumedNanos() > 0).findFirst()
                .map(f -> TimeUnit.NANOSECONDS.toMillis(f.resumedNanos() - killedNanos)).orElse(-1L);
    }

    private static void closeQuietly(IscsiClient client) {
        try {
            client.close();
        } catch (IOException e) {
            // the path is gone already; nothing to tell
        }
    }

    @Override
    public void close() {
        paths.forEach(p -> closeQuietly(p.client));
    }
}
