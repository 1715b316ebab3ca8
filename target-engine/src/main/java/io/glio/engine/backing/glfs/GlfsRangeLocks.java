package io.glio.engine.backing.glfs;

import io.glio.gfapi.GlfsException;
import io.glio.gfapi.GlfsFile;
import io.glio.gfapi.GlfsLock;
import io.glio.engine.backing.BackingStoreException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gluster byte-range locks of one store around a body of asynchronous I/O: the exclusive lock
 * ({@code glfs_posix_lock F_SETLKW}) that every gateway exporting the file takes before a
 * COMPARE AND WRITE, so two gateways' compare-and-writes of one range never interleave.
 *
 * <p>Taking and releasing are synchronous gfapi calls, and taking waits for the other holder: they
 * run on this class's own threads, never on an event loop nor on gfapi's callback thread (a
 * synchronous call there would wait for a reply that same thread has to read). One thread per
 * range locked at once, which the LU's queue depth bounds.
 */
final class GlfsRangeLocks {

    private static final Logger LOG = LoggerFactory.getLogger(GlfsRangeLocks.class);

    private final String name;
    private final ExecutorService lockers;

    GlfsRangeLocks(String name) {
        this.name = name;
        this.lockers = Executors.newCachedThreadPool(daemonThreads("glfs-lock-" + name));
    }

    /** Daemon threads named {@code prefix-1}, {@code prefix-2}... (the store's threads too). */
    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Locks {@code offset..offset+length} of {@code file} exclusively, runs {@code body}, and
     * unlocks when its future completes; the result completes after the unlock. A failure to
     * lock fails the result through {@code failure} without running the body.
     */
    <T> CompletableFuture<T> exclusive(GlfsFile file, long offset, long length, Supplier<CompletableFuture<T>> body,
                                       Function<Exception, BackingStoreException> failure) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            lockers.execute(() -> lockThenRun(file, offset, length, body, failure, result));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(failure.apply(new IllegalStateException("store closed")));
        }
        return result;
    }

    private <T> void lockThenRun(GlfsFile file, long offset, long length, Supplier<CompletableFuture<T>> body,
                                 Function<Exception, BackingStoreException> failure, CompletableFuture<T> result) {
        GlfsLock lock;
        try {
            lock = file.lock(true, offset, length, true);
        } catch (GlfsException | RuntimeException e) {
            result.completeExceptionally(failure.apply(e));
            return;
        }
        CompletableFuture<T> done;
        try {
            done = body.get();
        } catch (RuntimeException e) {
            done = CompletableFuture.failedFuture(e);
        }
        done.whenComplete((value, error) -> {
            try {
                lockers.execute(() -> unlockThenComplete(lock, value, error, result));
            } catch (RejectedExecutionException e) {
                // Closing: the connection's end releases the lock on the bricks.
                complete(result, value, error);
            }
        });
    }

    private <T> void unlockThenComplete(GlfsLock lock, T value, Throwable error, CompletableFuture<T> result) {
        try {
            lock.close();
        } catch (GlfsException | RuntimeException e) {
            // The brick drops it when this client disconnects; the I/O itself is done.
            LOG.warn("{}: releasing {}: {}", name, lock, e.getMessage());
        }
        complete(result, value, error);
    }

    private static <T> void complete(CompletableFuture<T> result, T value, Throwable error) {
        if (error == null) {
            result.complete(value);
        } else {
            result.completeExceptionally(error);
        }
    }

    void close() {
        lockers.shutdown();
    }
}
