package io.glio.engine.backing.glfs;

import io.glio.gfapi.Glfs;
import io.glio.gfapi.GlfsException;
import io.glio.gfapi.GlfsFile;
import io.glio.engine.backing.BackingStore;
import io.glio.engine.backing.BackingStoreException;
import io.glio.engine.backing.BackingStoreException.Condition;
import io.glio.engine.backing.StoreState;
import java.time.Duration;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user:glfs LUN: one file on a gluster volume, reached through the provider's shared
 * connection to that volume.
 *
 * <p>I/O uses gfapi's asynchronous calls, as tcmu-runner does: the caller's thread only submits,
 * and futures complete on gfapi's network threads, or on the caller's thread when the client
 * answers at once (write-behind); dependents must not block there. Requests go to gfapi whole.
 * docs/performance.md records the alternatives measured (a synchronous pool, split requests,
 * O_DIRECT) and why they lost.
 *
 * <p>Caching follows {@link GlfsCaching}, from the object's {@code emulate_write_cache}: by
 * default none on the client, so several gateways can export the file as one LU (writes answered
 * once the bricks have them); with 1, gluster's write-behind too. Either way WCE=1, FUA and
 * SYNCHRONIZE CACHE ending in {@code fdatasync} on the bricks (GlfsBrickRestartOverIscsiTest).
 * tcmu-runner instead opens with O_DIRECT under gluster-block's strict-o-direct profile.
 *
 * <p>Readiness: while the volume cannot be reached (at open or later) the store is not ready,
 * I/O fails at once with {@link Condition#NOT_READY}, and a reconnect thread retries with
 * doubling, bounded delays until it comes back or the store is closed. Each change of
 * {@link #state()} runs the {@link #onStateChange} listeners.
 */
public final class GlfsBackingStore implements BackingStore {

    private static final Logger LOG = LoggerFactory.getLogger(GlfsBackingStore.class);
    private static final int NEW_FILE_MODE = 0644;
    private static final long CLOSE_WAIT_MILLIS = 30_000;

    /** A failure that retrying will not fix (file too small, path names a directory...). */
    private static final class Unusable extends Exception {
        Unusable(String message) {
            super(message, null, false, false);
        }
    }

    /** Starts one request on the file; its outcome is reported once. */
    private interface AsyncCall {
        void start(GlfsFile file, GlfsIo.Outcome outcome) throws GlfsException;
    }

    private final String name;
    private final GlfsConfigString config;
    private final GlfsConnections connections;
    private final GlfsStoreSettings settings;
    private final GlfsCaching caching;
    private final boolean growFile;
    private final ScheduledThreadPoolExecutor reconnector;
    private final GlfsRangeLocks rangeLocks;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<StoreState> status;
    private volatile long size;

    // guarded by this
    private GlfsConnections.Lease lease;
    private GlfsFile file;
    private boolean closed;
    private long nextDelayMillis;
    private ScheduledFuture<?> pendingAttempt;
    private int pendingNotifications;

    GlfsBackingStore(String name, GlfsConfigString config, long size, boolean growFile, GlfsCaching caching,
                     GlfsConnections connections, GlfsStoreSettings settings) {
        this.name = name;
        this.caching = caching;
        this.config = config;
        this.size = size;
        this.growFile = growFile;
        this.connections = connections;
        this.settings = settings;
        this.status = new AtomicReference<>(StoreState.connecting("connecting to " + config.volumeKey()));
        this.reconnector = new ScheduledThreadPoolExecutor(1, GlfsRangeLocks.daemonThreads("glfs-reconnect-" + name));
        this.reconnector.setKeepAliveTime(5, TimeUnit.SECONDS);
        this.reconnector.allowCoreThreadTimeOut(true);
        this.reconnector.setRemoveOnCancelPolicy(true);
        this.rangeLocks = new GlfsRangeLocks(name);
        this.nextDelayMillis = settings.initialBackoff().toMillis();
    }

    /**
     * Makes the first connection attempt on the store's own thread, so the caller waits for it
     * only as long as it chooses. The future completes when that attempt ends, connected or not
     * (an unreachable volume leaves the store not connected and reconnecting); it fails with a
     * {@link BackingStoreException} when the file cannot be served at all (size mismatch, no
     * libgfapi...), and the store is closed then.
     */
    CompletableFuture<Void> start() {
        CompletableFuture<Void> first = new CompletableFuture<>();
        reconnector.execute(() -> {
            try {
                attempt();
            } catch (RuntimeException e) {
                close();
                first.completeExceptionally(new BackingStoreException(Condition.INTERNAL, "opening " + config + ": " + e, e));
                return;
            }
            StoreState now = status.get();
            if (now.kind() == StoreState.Kind.NOT_USABLE) {
                close();
                first.completeExceptionally(new BackingStoreException(Condition.INTERNAL,
                        "cannot serve " + config + ": " + now.reason()));
            } else {
                first.complete(null);
            }
        });
        return first;
    }

    /**
     * Says in the state that the first attempt has had no answer for {@code waited} and goes on
     * (a caller stopped waiting for {@link #start()}).
     */
    void firstAttemptOverdue(Duration waited) {
        synchronized (this) {
            if (status.get().kind() == StoreState.Kind.CONNECTING) {
                changeStatus(StoreState.connecting("connecting to " + config.volumeKey() + " (no answer after "
                        + waited.toSeconds() + " s, still trying)"));
            }
        }
        fireStateChange();
    }

    /** The parsed config string. */
    public GlfsConfigString config() {
        return config;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public StoreState state() {
        return status.get();
    }

    @Override
    public void onStateChange(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public CompletableFuture<Void> read(long offset, ByteBuffer dst) {
        return submit(offset, dst.remaining(), (f, outcome) -> GlfsIo.readFully(f, dst, offset, outcome));
    }

    /** The client caching this store was opened with. */
    GlfsCaching caching() {
        return caching;
    }

    /** Through to the bricks without {@link GlfsCaching#NONE client caches}; FUA also fdatasyncs there. */
    @Override
    public CompletableFuture<Void> write(long offset, ByteBuffer src, boolean forceUnitAccess) {
        boolean sync = forceUnitAccess;
        return submit(offset, src.remaining(), (f, outcome) -> GlfsIo.writeFully(f, src, offset, sync, outcome));
    }

    @Override
    public CompletableFuture<Void> flush() {
        return submit(0, 0, (f, outcome) -> f.fdatasyncAsync(GlfsIo.last(outcome)));
    }

    @Override
    public CompletableFuture<Void> unmap(long offset, long length) {
        return submit(offset, length, (f, outcome) -> f.discardAsync(offset, length, GlfsIo.last(outcome)));
    }

    @Override
    public CompletableFuture<Void> writeZeroes(long offset, long length) {
        return submit(offset, length, (f, outcome) -> f.zerofillAsync(offset, length, GlfsIo.last(outcome)));
    }

    /** A gluster byte-range lock of the file ({@link GlfsRangeLocks}), which every gateway respects. */
    @Override
    public <T> CompletableFuture<T> underSharedRangeLock(long offset, long length, Supplier<CompletableFuture<T>> body) {
        try {
            GlfsFile current = connectedFile();
            return rangeLocks.exclusive(current, offset, length, body, error -> failure(current, error));
        } catch (BackingStoreException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Sets the file's length ({@code ftruncate}) and the served size; needs a connected store. */
    @Override
    public void resize(long newSize) throws BackingStoreException {
        if (newSize <= 0) {
            throw new BackingStoreException(Condition.INTERNAL, "size " + newSize + " of " + config + " must be positive");
        }
        GlfsFile current = connectedFile();
        try {
            current.ftruncate(newSize);
        } catch (GlfsException e) {
            throw failure(current, e);
        }
        size = newSize;
    }

    /**
     * Serves {@code newSize} bytes from now on without touching the file: another gateway
     * resized it (the LU metadata says so), and truncating here could undo a later change.
     */
    public void sizeChangedElsewhere(long newSize) {
        size = newSize;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (pendingAttempt != null) {
                pendingAttempt.cancel(false);
            }
        }
        reconnector.shutdown();
        rangeLocks.close();
        GlfsFile f;
        GlfsConnections.Lease l;
        synchronized (this) {
            f = file;
            l = lease;
            file = null;
            lease = null;
        }
        boolean idle = syncWhenIdle(f);
        try {
            release(f, l, idle ? CLOSE_WAIT_MILLIS : 0);
        } catch (IllegalStateException e) {
            // gfapi calls still hang on a dead brick: free the file and connection once they return.
            LOG.warn("{}: {}; releasing {} when they end", name, e.getMessage(), config);
            Thread later = new Thread(() -> release(f, l, Long.MAX_VALUE), "glfs-close-" + name);
            later.setDaemon(true);
            later.start();
        }
        setStatus(StoreState.CLOSED_STATE);
    }

    @Override
    public String toString() {
        return "GlfsBackingStore[" + name + " " + config + ", " + state() + "]";
    }

    // ---- I/O

    private CompletableFuture<Void> submit(long offset, long length, AsyncCall call) {
        if (offset < 0 || length < 0 || offset > size - length) {
            return CompletableFuture.failedFuture(new BackingStoreException(Condition.INTERNAL,
                    "range " + offset + "+" + length + " is outside " + config + " (" + size + " bytes)"));
        }
        GlfsFile current;
        try {
            current = connectedFile();
        } catch (BackingStoreException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        GlfsIo.Outcome outcome = new GlfsIo.Outcome() {
            @Override
            public void succeeded() {
                done.complete(null);
            }

            @Override
            public void failed(Exception error) {
                done.completeExceptionally(failure(current, error));
            }
        };
        try {
            call.start(current, outcome);
        } catch (GlfsException | RuntimeException e) {
            outcome.failed(e);
        }
        return done;
    }

    private BackingStoreException failure(GlfsFile current, Exception error) {
        if (error instanceof GlfsException e) {
            if (GlfsErrors.isConnectionLoss(e)) {
                connectionLost(current, e.getMessage());
            }
            return GlfsErrors.toBackingStoreException(e);
        }
        if (error instanceof IllegalStateException) { // the file was closed under us (store closing, reopen)
            return new BackingStoreException(Condition.NOT_READY, config + ": " + error.getMessage(), error);
        }
        return new BackingStoreException(Condition.INTERNAL, config + ": " + error, error);
    }

    private GlfsFile connectedFile() throws BackingStoreException {
        synchronized (this) {
            if (file != null && isReady()) {
                return file;
            }
        }
        throw new BackingStoreException(Condition.NOT_READY, config + ": " + state());
    }

    // ---- connection state

    private void connectionLost(GlfsFile failedFile, String reason) {
        synchronized (this) {
            if (closed || failedFile != file || !isReady()) {
                return; // already known, or about an older file
            }
            changeStatus(StoreState.notConnected(reason));
            nextDelayMillis = settings.initialBackoff().toMillis();
            scheduleAttempt();
        }
        LOG.warn("{}: lost {}: {}", name, config, reason);
        try {
            reconnector.execute(this::fireStateChange); // not on gfapi's thread: listeners may take time
        } catch (RejectedExecutionException e) {
            fireStateChange(); // closing meanwhile
        }
    }

    /** Runs on the reconnect thread. */
    private void attempt() {
        GlfsFile current;
        synchronized (this) {
            pendingAttempt = null;
            if (closed) {
                return;
            }
            current = file;
        }
        String failure;
        try {
            if (current == null) {
                attach();
            } else {
                probe(current);
            }
            synchronized (this) {
                if (closed) {
                    return;
                }
                nextDelayMillis = settings.initialBackoff().toMillis();
                changeStatus(StoreState.CONNECTED_STATE);
            }
            fireStateChange();
            return;
        } catch (Unusable e) {
            synchronized (this) {
                if (closed) {
                    return;
                }
                changeStatus(StoreState.notUsable(e.getMessage()));
            }
            fireStateChange();
            return;
        } catch (GlfsException e) {
            failure = e.getMessage();
        } catch (RuntimeException e) {
            failure = e.toString();
            LOG.warn("{}: connecting {}", name, config, e);
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            changeStatus(StoreState.notConnected(failure));
            scheduleAttempt();
        }
        fireStateChange();
    }

    private void scheduleAttempt() {
        assert Thread.holdsLock(this);
        if (pendingAttempt != null || reconnector.isShutdown()) {
            return;
        }
        long delay = nextDelayMillis;
        nextDelayMillis = Math.min(nextDelayMillis * 2, settings.maxBackoff().toMillis());
        pendingAttempt = reconnector.schedule(this::attempt, delay, TimeUnit.MILLISECONDS);
    }

    /** Connects to the volume and opens (or creates) the file. */
    private void attach() throws GlfsException, Unusable {
        GlfsConnections.Lease l;
        try {
            l = connections.acquire(config.volumeKey(), caching);
        } catch (GlfsException e) {
            if (e.libraryMissing()) {
                throw new Unusable(e.getMessage()); // waiting will not install it
            }
            throw e;
        }
        GlfsFile f = null;
        try {
            f = openOrCreate(l.glfs());
            checkSize(f);
        } catch (GlfsException | Unusable | RuntimeException e) {
            release(f, l, 0);
            throw e;
        }
        synchronized (this) {
            if (!closed) {
                lease = l;
                file = f;
                return;
            }
        }
        release(f, l, 0);
    }

    private GlfsFile openOrCreate(Glfs glfs) throws GlfsException, Unusable {
        try {
            return glfs.open(config.path());
        } catch (GlfsException e) {
            if (!"ENOENT".equals(e.errnoName())) {
                throw unusableUnlessConnection(e);
            }
        }
        GlfsFile created;
        try {
            created = glfs.create(config.path(), NEW_FILE_MODE);
        } catch (GlfsException e) {
            if ("EEXIST".equals(e.errnoName())) { // another gateway created it meanwhile
                return glfs.open(config.path());
            }
            throw unusableUnlessConnection(e);
        }
        try {
            created.ftruncate(size); // sparse, as targetcli creates fileio files
        } catch (GlfsException e) {
            closeQuietly(created);
            throw e;
        }
        LOG.info("{}: created {} ({} bytes, sparse)", name, config, size);
        return created;
    }

    private static GlfsException unusableUnlessConnection(GlfsException e) throws Unusable {
        if (GlfsErrors.isConnectionLoss(e)) {
            return e;
        }
        throw new Unusable(e.getMessage());
    }

    private void checkSize(GlfsFile f) throws GlfsException, Unusable {
        long actual = f.size();
        if (actual >= size) {
            return;
        }
        if (!growFile) {
            throw new Unusable("file '" + config.path() + "' on volume '" + config.volume() + "' is " + actual
                    + " bytes, smaller than the configured size " + size + " bytes");
        }
        f.ftruncate(size);
        LOG.info("{}: grew {} from {} to {} bytes", name, config, actual, size);
    }

    /** A store that lost its volume checks whether the file answers again. */
    private void probe(GlfsFile current) throws GlfsException, Unusable {
        try {
            current.size();
        } catch (GlfsException e) {
            if (GlfsErrors.isConnectionLoss(e)) {
                throw e;
            }
            reopen(current); // the fd did not survive the outage (EBADF, ESTALE...)
        }
    }

    private void reopen(GlfsFile stale) throws GlfsException, Unusable {
        GlfsConnections.Lease l;
        synchronized (this) {
            l = lease;
        }
        GlfsFile fresh;
        try {
            // Never create here: a file that vanished while in use must not come back empty.
            fresh = l.glfs().open(config.path());
        } catch (GlfsException e) {
            throw unusableUnlessConnection(e);
        }
        synchronized (this) {
            if (closed || file != stale) {
                closeQuietly(fresh);
                return;
            }
            file = fresh;
        }
        closeQuietly(stale);
    }

    private void setStatus(StoreState next) {
        synchronized (this) {
            changeStatus(next);
        }
        fireStateChange();
    }

    private void changeStatus(StoreState next) {
        assert Thread.holdsLock(this);
        if (!status.getAndSet(next).equals(next)) {
            pendingNotifications++;
            if (next.isReady()) {
                LOG.info("{}: {} {}", name, config, next);
            }
        }
    }

    /** Runs the listeners (outside the lock) for the changes made since the last call. */
    private void fireStateChange() {
        synchronized (this) {
            if (pendingNotifications == 0) {
                return;
            }
            pendingNotifications = 0;
        }
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("{}: state listener failed", name, e);
            }
        }
    }

    // ---- helpers

    /**
     * Waits for the calls on {@code f} to end, then {@code fdatasync}s it: the engine's flush
     * before close may have run beside writes still in flight, and what the initiator was told
     * is written must be on the bricks before the file closes (SBC-3 5.22). Returns whether the
     * calls ended within {@link #CLOSE_WAIT_MILLIS}.
     */
    private boolean syncWhenIdle(GlfsFile f) {
        if (f == null) {
            return true;
        }
        if (!f.awaitIdle(CLOSE_WAIT_MILLIS)) {
            return false;
        }
        try {
            f.fdatasync();
        } catch (GlfsException | IllegalStateException e) {
            LOG.warn("{}: fdatasync before close failed: {}", name, e.getMessage());
        }
        return true;
    }

    /**
     * Closes the file once its calls have ended (waiting at most {@code waitMillis}), then gives
     * the connection back.
     *
     * @throws IllegalStateException when calls still run after the wait; nothing is released
     */
    private void release(GlfsFile f, GlfsConnections.Lease l, long waitMillis) {
        if (f != null) {
            try {
                f.closeWhenIdle(waitMillis);
            } catch (GlfsException e) {
                LOG.warn("{}: closing {}: {}", name, f, e.getMessage());
            }
        }
        if (l != null) {
            l.close();
        }
    }

    private void closeQuietly(GlfsFile f) {
        if (f == null) {
            return;
        }
        try {
            f.close();
        } catch (GlfsException | IllegalStateException e) {
            LOG.warn("{}: closing {}: {}", name, f, e.getMessage());
        }
    }
}
