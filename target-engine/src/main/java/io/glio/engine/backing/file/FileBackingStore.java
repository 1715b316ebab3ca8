package io.glio.engine.backing.file;

import io.glio.engine.backing.BackingStore;
import io.glio.engine.backing.BackingStoreException;
import io.glio.engine.backing.BackingStoreException.Condition;
import io.glio.engine.backing.StoreIo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * fileio and block stores: positional {@link FileChannel} I/O on a small bounded pool of
 * threads (the JDK has no asynchronous positional file I/O that does not park a thread).
 *
 * <p>Write-through ({@code emulate_write_cache=0}, LIO's {@code O_DSYNC} open for fileio
 * without write_back) forces every write; otherwise only FUA writes are forced.
 * UNMAP has no hole punch in Java (fallocate PUNCH_HOLE is not reachable without native
 * code), so it writes zeroes over the range: reads return zeroes as SBC-3 LBPRZ requires, but
 * the space is not given back to the file system ({@link #supportsUnmap()} still says true so
 * the LU can offer UNMAP when {@code emulate_tpu=1}).
 */
public final class FileBackingStore implements BackingStore {

    /** How long {@link #close()} waits for queued and running I/O. */
    public static final long CLOSE_WAIT_MILLIS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(FileBackingStore.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final int UNIT = 512;
    private static final int ALLOCATION_WINDOW = 1 << 20;

    private final Path path;
    private final FileChannel channel;
    private final boolean writeThrough;
    private final ExecutorService io;
    private volatile long size;

    private FileBackingStore(Path path, FileChannel channel, long size, boolean writeThrough, int threads) {
        this.path = path;
        this.channel = channel;
        this.size = size;
        this.writeThrough = writeThrough;
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "glio-fileio-" + THREADS.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        this.io = pool;
    }

    /**
     * Opens {@code path}; a missing regular file is created with {@code size} bytes (sparse).
     *
     * @param size         the size to serve, or -1 to use the file's own size
     * @param writeThrough force every write (no volatile write cache)
     * @param readOnly     open without write access
     * @param threads      I/O threads (the bound on I/O in flight)
     */
    public static FileBackingStore open(Path path, long size, boolean writeThrough, boolean readOnly, int threads)
            throws BackingStoreException {
        Set<StandardOpenOption> options = readOnly ? EnumSet.of(StandardOpenOption.READ)
                : EnumSet.of(StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
        try {
            FileChannel ch = FileChannel.open(path, options);
            long actual = ch.size();
            long served = size >= 0 ? size : actual;
            if (!readOnly && actual < served && java.nio.file.Files.isRegularFile(path)) {
                ch.write(ByteBuffer.wrap(new byte[1]), served - 1); // extend sparsely, as targetcli creates it
            }
            return new FileBackingStore(path, ch, served, writeThrough, Math.max(1, threads));
        } catch (AccessDeniedException e) {
            throw new BackingStoreException(Condition.WRITE_PROTECTED, "cannot open " + path + ": permission denied", e);
        } catch (IOException e) {
            throw new BackingStoreException(Condition.INTERNAL, "cannot open " + path + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public CompletableFuture<Void> read(long offset, ByteBuffer dst) {
        return submit(offset, dst.remaining(), () -> {
            long pos = offset;
            while (dst.hasRemaining()) {
                int n = channel.read(dst, pos);
                if (n < 0) { // past the file's end inside the served size: zeroes
                    while (dst.hasRemaining()) {
                        dst.put((byte) 0);
                    }
                    break;
                }
                pos += n;
            }
        });
    }

    @Override
    public CompletableFuture<Void> write(long offset, ByteBuffer src, boolean forceUnitAccess) {
        return submit(offset, src.remaining(), () -> {
            long pos = offset;
            while (src.hasRemaining()) {
                pos += channel.write(src, pos);
            }
            if (forceUnitAccess || writeThrough) {
                channel.force(false);
            }
        });
    }

    @Override
    public CompletableFuture<Void> flush() {
        return submit(0, 0, () -> channel.force(false));
    }

    @Override
    public CompletableFuture<Void> unmap(long offset, long length) {
        return writeZeroes(offset, length);
    }

    @Override
    public CompletableFuture<Void> writeZeroes(long offset, long length) {
        return submit(offset, length, () -> {
            long pos = offset;
            long end = offset + length;
            while (pos < end) {
                ByteBuffer z = StoreIo.zeroes(end - pos);
                while (z.hasRemaining()) {
                    pos += channel.write(z, pos);
                }
            }
            if (writeThrough) {
                channel.force(false);
            }
        });
    }

    /**
     * Without SEEK_HOLE in Java, blocks that read as all zeroes count as deallocated (what UNMAP
     * leaves behind here, and what LBPRZ promises); runs are measured in 512-byte units over at
     * most 1 MiB.
     */
    @Override
    public CompletableFuture<Extent> allocation(long offset, long maxLength) {
        int window = (int) Math.min(maxLength, ALLOCATION_WINDOW);
        ByteBuffer buf = ByteBuffer.allocate(window);
        return read(offset, buf).thenApply(v -> {
            byte[] b = buf.array();
            boolean mapped = !zero(b, 0, Math.min(UNIT, window));
            int at = UNIT;
            while (at < window && zero(b, at, Math.min(at + UNIT, window)) != mapped) {
                at += UNIT;
            }
            return new Extent(mapped, Math.min(at, window));
        });
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void resize(long newSize) throws BackingStoreException {
        try {
            if (newSize < channel.size()) {
                channel.truncate(newSize);
            } else if (newSize > channel.size()) {
                channel.write(ByteBuffer.wrap(new byte[1]), newSize - 1);
            }
            size = newSize;
        } catch (IOException e) {
            throw map(e);
        }
    }

    /**
     * Lets the I/O already queued or running finish (at most {@link #CLOSE_WAIT_MILLIS}: a
     * write the initiator sent before the stop is still written, not failed with NOT READY),
     * then {@code fdatasync}s so every acknowledged write is on stable storage, then closes.
     * I/O submitted after this began is refused NOT READY. Idempotent; blocks, so never call it
     * on an event loop or an I/O thread of this store.
     */
    @Override
    public void close() {
        io.shutdown();
        try {
            if (!io.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.warn("{}: I/O still running after {} ms; closing the file under it", path, CLOSE_WAIT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (channel.isOpen()) {
                channel.force(false);
            }
        } catch (IOException e) {
            LOG.warn("{}: fdatasync before close failed: {}", path, e.getMessage());
        }
        try {
            channel.close();
        } catch (IOException e) {
            // after an I/O error: nothing left to release
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private CompletableFuture<Void> submit(long offset, long length, IoAction action) {
        try {
            StoreIo.checkRange(offset, length, size);
        } catch (BackingStoreException e) {
            return StoreIo.failed(e);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            io.execute(() -> {
                try {
                    action.run();
                    done.complete(null);
                } catch (IOException e) {
                    done.completeExceptionally(map(e));
                } catch (RuntimeException e) {
                    done.completeExceptionally(new BackingStoreException(Condition.INTERNAL, e.toString(), e));
                }
            });
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(new BackingStoreException(Condition.NOT_READY, path + " is closed", e));
        }
        return done;
    }

    private BackingStoreException map(IOException e) {
        String msg = String.valueOf(e.getMessage());
        if (e instanceof ClosedChannelException) {
            return new BackingStoreException(Condition.NOT_READY, path + " is closed", e);
        }
        if (msg.contains("No space left") || msg.contains("Disk quota exceeded")) {
            return new BackingStoreException(Condition.SPACE_ALLOCATION_FAILED, path + ": " + msg, e);
        }
        if (msg.contains("Read-only file system") || e instanceof AccessDeniedException) {
            return new BackingStoreException(Condition.WRITE_PROTECTED, path + ": " + msg, e);
        }
        return new BackingStoreException(Condition.MEDIUM_ERROR, path + ": " + msg, e);
    }
}
