package io.glio.gfapi;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import jnr.ffi.Pointer;

/**
 * An open file on a gluster volume ({@code glfs_fd_t}). Thread-safe: positional calls may run
 * concurrently. Data moves straight between gfapi and direct {@link ByteBuffer}s (no copy).
 *
 * <p>Closing is refused with {@link IllegalStateException} while calls are running; calls on a
 * closed file throw {@link IllegalStateException}.
 */
public final class GlfsFile implements AutoCloseable {

    private final Glfs owner;
    private final Gfapi api;
    private final Pointer fd;
    private final String path;
    private int callsInFlight;
    private boolean closed;
    /** Whether this handle's lock owner has been set (on its first lock). */
    private boolean lockOwnerSet;

    GlfsFile(Glfs owner, Gfapi api, Pointer fd, String path) {
        this.owner = owner;
        this.api = api;
        this.fd = fd;
        this.path = path;
    }

    /** Path inside the volume. */
    public String path() {
        return path;
    }

    /**
     * Reads up to {@code dst.remaining()} bytes at {@code offset} into the direct buffer
     * {@code dst} and advances its position by the count read.
     *
     * @return bytes read; fewer than asked (0 included) only at end of file
     */
    public int pread(ByteBuffer dst, long offset) throws GlfsException {
        Pointer buf = addressOf(dst);
        int count = dst.remaining();
        return transfer("glfs_pread", dst, offset, () -> api.lib.glfs_pread(fd, buf, count, offset, 0, null));
    }

    /**
     * Writes {@code src.remaining()} bytes of the direct buffer {@code src} at {@code offset}
     * and advances its position by the count written.
     *
     * @return bytes written (gfapi writes all of them or fails)
     */
    public int pwrite(ByteBuffer src, long offset) throws GlfsException {
        Pointer buf = addressOf(src);
        int count = src.remaining();
        return transfer("glfs_pwrite", src, offset, () -> api.lib.glfs_pwrite(fd, buf, count, offset, 0, null, null));
    }

    /** Runs a read or write returning a byte count or -1 + errno; advances the buffer by the count. */
    private int transfer(String call, ByteBuffer buffer, long offset, LongSupplier body) throws GlfsException {
        enter();
        try {
            long n = body.getAsLong();
            if (n < 0) {
                throw new GlfsException(call, api.errno(), where(offset, buffer.remaining()));
            }
            buffer.position(buffer.position() + (int) n);
            return (int) n;
        } finally {
            Reference.reachabilityFence(buffer); // gfapi used its memory until here
            exit();
        }
    }

    /**
     * Starts reading up to {@code dst.remaining()} bytes at {@code offset} into the direct buffer
     * {@code dst}; on completion its position has advanced by the count read (fewer than asked
     * only at end of file). Do not touch {@code dst} until then.
     *
     * @throws GlfsException when gfapi refuses the request (the completion never runs then)
     */
    public void preadAsync(ByteBuffer dst, long offset, GlfsCompletion done) throws GlfsException {
        Pointer buf = addressOf(dst);
        long count = dst.remaining();
        api.async.submit(this, "glfs_pread_async", where(offset, count), dst, done,
                ticket -> api.lib.glfs_pread_async(fd, buf, count, offset, 0, api.async, ticket));
    }

    /** Starts writing {@code src.remaining()} bytes of the direct buffer {@code src} at {@code offset}. */
    public void pwriteAsync(ByteBuffer src, long offset, GlfsCompletion done) throws GlfsException {
        Pointer buf = addressOf(src);
        int count = src.remaining();
        api.async.submit(this, "glfs_pwrite_async", where(offset, count), src, done,
                ticket -> api.lib.glfs_pwrite_async(fd, buf, count, offset, 0, api.async, ticket));
    }

    /** Asynchronous {@link #fdatasync()}. */
    public void fdatasyncAsync(GlfsCompletion done) throws GlfsException {
        api.async.submit(this, "glfs_fdatasync_async", owner.describe(path), null, done,
                ticket -> api.lib.glfs_fdatasync_async(fd, api.async, ticket));
    }

    /** Asynchronous {@link #fsync()}. */
    public void fsyncAsync(GlfsCompletion done) throws GlfsException {
        api.async.submit(this, "glfs_fsync_async", owner.describe(path), null, done,
                ticket -> api.lib.glfs_fsync_async(fd, api.async, ticket));
    }

    /** Asynchronous {@link #discard(long, long)}. */
    public void discardAsync(long offset, long length, GlfsCompletion done) throws GlfsException {
        api.async.submit(this, "glfs_discard_async", where(offset, length), null, done,
                ticket -> api.lib.glfs_discard_async(fd, offset, length, api.async, ticket));
    }

    /** Asynchronous {@link #zerofill(long, long)}. */
    public void zerofillAsync(long offset, long length, GlfsCompletion done) throws GlfsException {
        api.async.submit(this, "glfs_zerofill_async", where(offset, length), null, done,
                ticket -> api.lib.glfs_zerofill_async(fd, offset, length, api.async, ticket));
    }

    /** Data and metadata to stable storage. */
    public void fsync() throws GlfsException {
        run("glfs_fsync", owner.describe(path), () -> api.lib.glfs_fsync(fd, null, null));
    }

    /** Data (and the metadata needed to read it) to stable storage. */
    public void fdatasync() throws GlfsException {
        run("glfs_fdatasync", owner.describe(path), () -> api.lib.glfs_fdatasync(fd, null, null));
    }

    /** Sets the file length; growing leaves a hole that reads as zeroes. */
    public void ftruncate(long length) throws GlfsException {
        run("glfs_ftruncate", owner.describe(path) + " to " + length,
                () -> api.lib.glfs_ftruncate(fd, length, null, null));
    }

    /** Deallocates a range (punches a hole); it reads as zeroes afterwards. */
    public void discard(long offset, long length) throws GlfsException {
        run("glfs_discard", where(offset, length), () -> api.lib.glfs_discard(fd, offset, length));
    }

    /** Writes zeroes over a range. */
    public void zerofill(long offset, long length) throws GlfsException {
        run("glfs_zerofill", where(offset, length), () -> api.lib.glfs_zerofill(fd, offset, length));
    }

    /** Runs a call returning 0 or -1 + errno, counted as running while it does. */
    private void run(String call, String what, IntSupplier body) throws GlfsException {
        enter();
        try {
            if (body.getAsInt() != 0) {
                throw new GlfsException(call, api.errno(), what);
            }
        } finally {
            exit();
        }
    }

    /**
     * Locks [{@code start}, {@code start + length}) of the file ({@code glfs_posix_lock}):
     * shared ({@code F_RDLCK}) or exclusive ({@code F_WRLCK}); {@code length} 0 covers up to the
     * end of the file, whatever it becomes. The range may lie past the end of the file. With
     * {@code wait} the call blocks until the lock is granted ({@code F_SETLKW}: run it off
     * event loops); without, a conflicting lock throws {@link GlfsLockHeldException}
     * ({@code F_SETLK}). The owner is this handle: a second {@code GlfsFile} on the same file,
     * even on the same connection, conflicts with it.
     *
     * @return the held lock; closing it unlocks the range
     * @throws IllegalArgumentException for a negative start or length
     */
    public GlfsLock lock(boolean exclusive, long start, long length, boolean wait) throws GlfsException {
        if (start < 0 || length < 0) {
            throw new IllegalArgumentException("lock range of " + owner.describe(path) + ": start " + start
                    + ", length " + length + " (expected: >= 0)");
        }
        enter();
        try {
            ensureLockOwner();
            PosixLocks.lock(api, fd, wait ? PosixLocks.F_SETLKW : PosixLocks.F_SETLK,
                    exclusive ? PosixLocks.F_WRLCK : PosixLocks.F_RDLCK, start, length, lockRange(start, length));
        } finally {
            exit();
        }
        return new GlfsLock(this, exclusive, start, length);
    }

    /** Releases a range locked by {@link #lock}; nothing to do once the file is closed. */
    void unlock(long start, long length) throws GlfsException {
        synchronized (this) {
            if (closed) {
                return; // glfs_close released every lock of this owner
            }
            callsInFlight++;
        }
        try {
            PosixLocks.lock(api, fd, PosixLocks.F_SETLK, PosixLocks.F_UNLCK, start, length, lockRange(start, length));
        } finally {
            exit();
        }
    }

    private synchronized void ensureLockOwner() throws GlfsException {
        if (!lockOwnerSet) {
            PosixLocks.setOwner(api, fd, PosixLocks.newOwner(), owner.describe(path));
            lockOwnerSet = true;
        }
    }

    private String lockRange(long start, long length) {
        return owner.describe(path) + " bytes " + start + (length == 0 ? "-end" : "+" + length);
    }

    /**
     * Sets an extended attribute ({@code glfs_fsetxattr}, create or replace): one atomic change
     * on each brick, so a reader sees the old value or the new one, never a part.
     */
    public void setXattr(String name, byte[] value) throws GlfsException {
        run("glfs_fsetxattr", owner.describe(path) + " " + name,
                () -> api.lib.glfs_fsetxattr(fd, name, value, value.length, 0));
    }

    /**
     * Reads an extended attribute ({@code glfs_fgetxattr}); empty when the file has none of
     * that name ({@code ENODATA}). Values are at most {@link Xattrs#MAX_VALUE} bytes.
     */
    public Optional<byte[]> getXattr(String name) throws GlfsException {
        enter();
        try {
            return Xattrs.get(api, fd, name, owner.describe(path));
        } finally {
            exit();
        }
    }

    /** Removes an extended attribute ({@code glfs_fremovexattr}; {@code ENODATA} when absent). */
    public void removeXattr(String name) throws GlfsException {
        run("glfs_fremovexattr", owner.describe(path) + " " + name, () -> api.lib.glfs_fremovexattr(fd, name));
    }

    /** Current file size ({@code glfs_fstat}). */
    public long size() throws GlfsException {
        Pointer stat = api.newStat();
        run("glfs_fstat", owner.describe(path), () -> api.lib.glfs_fstat(fd, stat));
        return Gfapi.statSize(stat);
    }

    /**
     * Closes the file ({@code glfs_close}). Idempotent.
     *
     * @throws IllegalStateException while calls on it are running
     * @throws GlfsException when gfapi reports an error closing (the file is closed anyway)
     */
    @Override
    public void close() throws GlfsException {
        closeWhenIdle(0);
    }

    /**
     * Closes the file once the calls running on it (asynchronous ones included, until their
     * completion returns) have ended, waiting at most {@code timeoutMillis}; new calls are not
     * refused meanwhile. Idempotent.
     *
     * @throws IllegalStateException when calls are still running after the timeout
     * @throws GlfsException when gfapi reports an error closing (the file is closed anyway)
     */
    public void closeWhenIdle(long timeoutMillis) throws GlfsException {
        synchronized (this) {
            awaitIdle(timeoutMillis);
            if (closed) {
                return;
            }
            if (callsInFlight > 0) {
                throw new IllegalStateException("cannot close " + owner.describe(path) + ": "
                        + callsInFlight + " call(s) running");
            }
            closed = true;
        }
        int rc = api.lib.glfs_close(fd);
        int errno = rc == 0 ? 0 : api.errno();
        owner.fileClosed();
        if (rc != 0) {
            throw new GlfsException("glfs_close", errno, owner.describe(path));
        }
    }

    /**
     * Waits at most {@code timeoutMillis} until no call runs on this file (asynchronous ones
     * until their completion returns); new calls are not refused meanwhile. Returns whether none
     * runs now or the file is closed.
     */
    public synchronized boolean awaitIdle(long timeoutMillis) {
        long start = System.nanoTime();
        long left = timeoutMillis;
        while (!closed && callsInFlight > 0 && left > 0) {
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            // elapsed time rather than a deadline, so Long.MAX_VALUE means "as long as it takes"
            left = timeoutMillis - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        }
        return closed || callsInFlight == 0;
    }

    private Pointer addressOf(ByteBuffer buffer) {
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException("gfapi I/O needs a direct ByteBuffer, got " + buffer);
        }
        // Whether jnr's wrap honours the position is not documented: wrap a view at position 0.
        long base = Pointer.wrap(api.runtime, buffer.duplicate().position(0)).address();
        return Pointer.wrap(api.runtime, base + buffer.position(), buffer.remaining());
    }

    private String where(long offset, long length) {
        return owner.describe(path) + " at " + offset + " length " + length;
    }

    synchronized void enter() {
        if (closed) {
            throw new IllegalStateException(owner.describe(path) + " is closed");
        }
        callsInFlight++;
    }

    synchronized void exit() {
        if (--callsInFlight == 0) {
            notifyAll();
        }
    }

    @Override
    public String toString() {
        return "GlfsFile[" + owner.describe(path) + "]";
    }
}
