package io.glio.engine.backing;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The storage SPI behind a SCSI disk: byte-addressed, asynchronous, thread-safe. Implementations:
 * fileio, block, ramdisk (rd_mcp / nullio) and user:glfs. The SCSI layer converts LBAs to byte
 * offsets and checks ranges against {@link #size()} before calling; implementations still reject
 * out-of-range requests.
 *
 * <p>Futures complete exceptionally with {@link BackingStoreException} (its condition decides the
 * sense data). Implementations must never block the calling thread on I/O: run it on their own
 * bounded executor or asynchronous API (the caller may be a Netty event loop).
 *
 * <p>Buffers: the store reads/writes {@code remaining()} bytes at the buffer's position and must
 * not retain the buffer after the future completes.
 */
public interface BackingStore extends AutoCloseable {

    /** Current size in bytes. */
    long size();

    /**
     * Where the store stands with its medium ({@code ls}/{@code info} show it when not
     * connected). Stores on a local medium are always {@link StoreState.Kind#CONNECTED}.
     */
    default StoreState state() {
        return StoreState.CONNECTED_STATE;
    }

    /** Whether I/O can be served now (false while a gluster volume is unreachable). */
    default boolean isReady() {
        return state().isReady();
    }

    /**
     * Registers a callback run (on any thread, never under the model's lock) whenever
     * {@link #state()} changes, so the engine can publish it. Stores whose state never changes
     * keep this default, which ignores it.
     */
    default void onStateChange(Runnable listener) {
    }

    /** Reads {@code dst.remaining()} bytes at {@code offset} into {@code dst}. */
    CompletableFuture<Void> read(long offset, ByteBuffer dst);

    /**
     * Writes {@code src.remaining()} bytes at {@code offset}. With {@code forceUnitAccess} the data
     * is on stable storage when the future completes (FUA; SBC-3 5.39).
     */
    CompletableFuture<Void> write(long offset, ByteBuffer src, boolean forceUnitAccess);

    /** Makes all completed writes durable (SYNCHRONIZE CACHE). */
    CompletableFuture<Void> flush();

    /**
     * Runs {@code body} while holding an exclusive lock of the byte range that every process
     * serving this medium takes here too, and releases it when the body's future completes: what
     * makes COMPARE AND WRITE atomic when several gateways export one file (issue 12). It adds to
     * the LU's in-process range locks, which must be held already. A store whose medium only this
     * process serves keeps this default, which runs the body as it is.
     */
    default <T> CompletableFuture<T> underSharedRangeLock(long offset, long length,
                                                          Supplier<CompletableFuture<T>> body) {
        return body.get();
    }

    /** Deallocates a byte range (UNMAP); reading it afterwards returns zeroes. */
    CompletableFuture<Void> unmap(long offset, long length);

    /** Writes zeroes over a byte range (WRITE SAME with a zero block). */
    CompletableFuture<Void> writeZeroes(long offset, long length);

    /** Grows (or shrinks) the store; the SCSI layer raises CAPACITY DATA HAS CHANGED. */
    void resize(long newSize) throws BackingStoreException;

    /** Whether {@link #unmap} really deallocates (drives VPD 0xB2 LBPU/LBPWS). */
    default boolean supportsUnmap() {
        return true;
    }

    /**
     * A run of bytes in one provisioning state (GET LBA STATUS).
     *
     * @param mapped whether the run holds allocated data
     * @param length bytes from the asked offset that share that state
     */
    record Extent(boolean mapped, long length) {
    }

    /**
     * The provisioning state at {@code offset} and how far it extends (at most {@code maxLength}).
     * Stores that cannot tell report everything mapped, which SBC-3 allows.
     */
    default CompletableFuture<Extent> allocation(long offset, long maxLength) {
        return CompletableFuture.completedFuture(new Extent(true, maxLength));
    }

    /** Releases files, memory, connections. Idempotent. */
    @Override
    void close();
}
