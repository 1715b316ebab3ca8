package io.glio.target.backing.glfs;

import io.glio.gfapi.Glfs;
import io.glio.gfapi.GlfsException;
import io.glio.gfapi.GlfsFile;
import io.glio.target.backing.BackingStore;
import io.glio.target.backing.BackingStoreException;
import io.glio.target.backing.BackingStoreException.Condition;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user:glfs LUN: one file on a gluster volume, reached through the provider's shared
 * connection to that volume.
 *
 * <p>I/O runs the synchronous gfapi calls on a bounded pool sized from {@code queue_depth}, so
 * callers never block. Durability follows tcmu-runner's glfs handler: writes are cached by
 * gluster (write-back, WCE=1) and FUA writes and SYNCHRONIZE CACHE end with {@code fdatasync}.
 *
 * <p>Readiness: while the volume cannot be reached (at open or later) the store is not ready,
 * I/O fails at once with {@link Condition#NOT_READY}, and a reconnect thread retries with
 * doubling, bounded delays until it comes back or the store is closed. Each change of
 * {@link #isReady()} / {@link #stateDescription()} runs the {@link #onStateChange} listeners.
 */
public final class GlfsBackingStore implements BackingStore {

    private static final Logger LOG = LoggerFactory.getLogger(GlfsBackingStore.class);
    private static final int NEW_FILE_MODE = 0644;
    private static final long CLOSE_WAIT_SECONDS = 30;

    private record Status(boolean ready, String description) {
    }

    /** A failure that retrying will not fix (file too small, path names a directory...). */
    private static final class Unusable extends Exception {
        Unusable(String message) {
            super(message, null, false, false);
        }
    }

    private interface FileCall {
        void run(GlfsFile file) throws GlfsException;
    }

    private final String name;
    private final GlfsConfigString config;
    private final GlfsConnections connections;
    private final GlfsStoreSettings settings;
    private final boolean growFile;
    private final ThreadPoolExecutor io;
    private final ScheduledThreadPoolExecutor reconnector;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<Status> status;
    private volatile long size;

    // guarded by this
    private GlfsConnections.Lease lease;
    private GlfsFile file;
    private boolean closed;
    private long nextDelayMillis;
    private ScheduledFuture<?> pendingAttempt;
    private int pendingNotifications;

    GlfsBackingStore(String name, GlfsConfigString config, long size, int queueDepth, boolean growFile,
                     GlfsConnections connections, GlfsStoreSettings settings) {
        this.name = name;
        this.config = config;
        this.size = size;
        this.growFile = growFile;
        this.connections = connections;
        this.settings = settings;
        this.status = new AtomicReference<>(new Status(false, "not connected: connecting to " + config.volumeKey()));
        int threads = Math.max(1, Math.min(queueDepth, settings.maxIoThreads()));
        this.io = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(Math.max(queueDepth, 1) * 2), daemonThreads("glfs-io-" + name));
        this.io.allowCoreThreadTimeOut(true);
        this.reconnector = new ScheduledThreadPoolExecutor(1, daemonThreads("glfs-reconnect-" + name));
        this.reconnector.setKeepAliveTime(5, TimeUnit.SECONDS);
        this.reconnector.allowCoreThreadTimeOut(true);
        this.reconnector.setRemoveOnCancelPolicy(true);
        this.nextDelayMillis = settings.initialBackoff().toMillis();
    }

    /**
     * Makes the first connection attempt, waiting for it at most
     * {@link GlfsStoreSettings#firstConnectWait()}; an unreachable volume leaves the store not
     * ready and reconnecting.
     *
     * @throws BackingStoreException when the file cannot be served at all (size mismatch, ...);
     *                               the store is closed then
     */
    void start() throws BackingStoreException {
        Future<Void> first = reconnector.submit(() -> {
            attempt();
            return null;
        });
        try {
            first.get(settings.firstConnectWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            synchronized (this) {
                if (status.get().description().startsWith("not connected: connecting to ")) {
                    changeStatus(false, "not connected: connecting to " + config.volumeKey() + " (no answer after "
                            + settings.firstConnectWait().toSeconds() + " s, still trying)");
                }
            }
            fireStateChange();
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new BackingStoreException(Condition.NOT_READY, "interrupted while opening " + config);
        } catch (ExecutionException e) {
            close();
            throw new BackingStoreException(Condition.INTERNAL, "opening " + config + ": " + e.getCause(), e.getCause());
        }
        Status now = status.get();
        if (!now.ready() && now.description().startsWith("not usable: ")) {
            close();
            throw new BackingStoreException(Condition.INTERNAL,
                    "cannot serve " + config + ": " + now.description().substring("not usable: ".length()));
        }
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
    public boolean isReady() {
        return status.get().ready();
    }

    @Override
    public String stateDescription() {
        return status.get().description();
    }

    @Override
    public void onStateChange(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public CompletableFuture<Void> read(long offset, ByteBuffer dst) {
        return submit(offset, dst.remaining(), f -> {
            ByteBuffer target = dst.isDirect() ? dst : ByteBuffer.allocateDirect(dst.remaining());
            long position = offset;
            while (target.hasRemaining()) {
                int n = f.pread(target, position);
                if (n == 0) { // past the file's end inside the served size: zeroes, as a hole
                    while (target.hasRemaining()) {
                        target.put((byte) 0);
                    }
                }
                position += n;
            }
            if (target != dst) {
                dst.put(target.flip());
            }
        });
    }

    @Override
    public CompletableFuture<Void> write(long offset, ByteBuffer src, boolean forceUnitAccess) {
        return submit(offset, src.remaining(), f -> {
            ByteBuffer source = src;
            if (!src.isDirect()) {
                source = ByteBuffer.allocateDirect(src.remaining()).put(src.duplicate()).flip();
                src.position(src.limit());
            }
            long position = offset;
            while (source.hasRemaining()) {
                position += f.pwrite(source, position);
            }
            if (forceUnitAccess) {
                f.fdatasync();
            }
        });
    }

    @Override
    public CompletableFuture<Void> flush() {
        return submit(0, 0, GlfsFile::fdatasync);
    }

    @Override
    public CompletableFuture<Void> unmap(long offset, long length) {
        return submit(offset, length, f -> f.discard(offset, length));
    }

    @Override
    public CompletableFuture<Void> writeZeroes(long offset, long length) {
        return submit(offset, length, f -> f.zerofill(offset, length));
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
            throw failed(current, e);
        }
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
        io.shutdown();
        boolean idle;
        try {
            idle = io.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            idle = false;
        }
        GlfsFile f;
        GlfsConnections.Lease l;
        synchronized (this) {
            f = file;
            l = lease;
            file = null;
            lease = null;
        }
        if (idle) {
            release(f, l);
        } else {
            // gfapi calls still hang on a dead brick: free the file and connection once they return.
            LOG.warn("{}: I/O still running after {} s; releasing {} when it ends", name, CLOSE_WAIT_SECONDS, config);
            Thread later = new Thread(() -> {
                awaitQuietly();
                release(f, l);
            }, "glfs-close-" + name);
            later.setDaemon(true);
            later.start();
        }
        setStatus(false, "closed");
    }

    @Override
    public String toString() {
        return "GlfsBackingStore[" + name + " " + config + ", " + stateDescription() + "]";
    }

    // ---- I/O

    private CompletableFuture<Void> submit(long offset, long length, FileCall call) {
        if (offset < 0 || length < 0 || offset > size - length) {
            return CompletableFuture.failedFuture(new BackingStoreException(Condition.INTERNAL,
                    "range " + offset + "+" + length + " is outside " + config + " (" + size + " bytes)"));
        }
        Status now = status.get();
        if (!now.ready()) {
            return CompletableFuture.failedFuture(new BackingStoreException(Condition.NOT_READY,
                    config + ": " + now.description()));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            io.execute(() -> run(call, done));
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(io.isShutdown()
                    ? new BackingStoreException(Condition.NOT_READY, config + " is closed")
                    : new BackingStoreException(Condition.INTERNAL, config + ": I/O queue full ("
                            + io.getQueue().size() + " waiting)"));
        }
        return done;
    }

    private void run(FileCall call, CompletableFuture<Void> done) {
        GlfsFile current;
        synchronized (this) {
            current = file;
        }
        if (current == null || !isReady()) {
            done.completeExceptionally(new BackingStoreException(Condition.NOT_READY, config + ": " + stateDescription()));
            return;
        }
        try {
            call.run(current);
            done.complete(null);
        } catch (GlfsException e) {
            done.completeExceptionally(failed(current, e));
        } catch (IllegalStateException e) { // the file was closed under us (store closing, reopen)
            done.completeExceptionally(new BackingStoreException(Condition.NOT_READY, config + ": " + e.getMessage(), e));
        } catch (RuntimeException e) {
            done.completeExceptionally(new BackingStoreException(Condition.INTERNAL, config + ": " + e, e));
        }
    }

    private BackingStoreException failed(GlfsFile current, GlfsException e) {
        if (GlfsErrors.isConnectionLoss(e)) {
            connectionLost(current, e.getMessage());
        }
        return GlfsErrors.toBackingStoreException(e);
    }

    private GlfsFile connectedFile() throws BackingStoreException {
        synchronized (this) {
            if (file != null && isReady()) {
                return file;
            }
        }
        throw new BackingStoreException(Condition.NOT_READY, config + ": " + stateDescription());
    }

    // ---- connection state

    private void connectionLost(GlfsFile failedFile, String reason) {
        synchronized (this) {
            if (closed || failedFile != file || !isReady()) {
                return; // already known, or about an older file
            }
            changeStatus(false, "not connected: " + reason);
            nextDelayMillis = settings.initialBackoff().toMillis();
            scheduleAttempt();
        }
        LOG.warn("{}: lost {}: {}", name, config, reason);
        fireStateChange();
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
                changeStatus(true, "connected");
            }
            fireStateChange();
            return;
        } catch (Unusable e) {
            synchronized (this) {
                changeStatus(false, "not usable: " + e.getMessage());
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
            changeStatus(false, "not connected: " + failure);
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
        GlfsConnections.Lease l = connections.acquire(config.volumeKey());
        GlfsFile f = null;
        try {
            f = openOrCreate(l.glfs());
            checkSize(f);
        } catch (GlfsException | Unusable | RuntimeException e) {
            release(f, l);
            throw e;
        }
        synchronized (this) {
            if (!closed) {
                lease = l;
                file = f;
                return;
            }
        }
        release(f, l);
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
        GlfsFile fresh = openOrCreate(l.glfs());
        synchronized (this) {
            if (closed || file != stale) {
                closeQuietly(fresh);
                return;
            }
            file = fresh;
        }
        closeQuietly(stale);
    }

    private void setStatus(boolean ready, String description) {
        synchronized (this) {
            changeStatus(ready, description);
        }
        fireStateChange();
    }

    private void changeStatus(boolean ready, String description) {
        assert Thread.holdsLock(this);
        Status next = new Status(ready, description);
        if (!status.getAndSet(next).equals(next)) {
            pendingNotifications++;
            if (ready) {
                LOG.info("{}: {} {}", name, config, description);
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

    private void release(GlfsFile f, GlfsConnections.Lease l) {
        closeQuietly(f);
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

    private void awaitQuietly() {
        try {
            io.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
