package io.glio.engine.backing.ram;

import io.glio.engine.backing.BackingStore;
import io.glio.engine.backing.StoreIo;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * rd_mcp: memory pages allocated on first write; untouched or unmapped pages read as zeroes.
 * I/O is an in-line memory copy on the caller's thread (cheap enough for an event loop).
 */
public final class RamdiskBackingStore implements BackingStore {

    static final int PAGE = 4096;
    /** Source for reads of unallocated pages; never written. */
    private static final byte[] ZERO_PAGE = new byte[PAGE];

    private final ConcurrentHashMap<Long, byte[]> pages = new ConcurrentHashMap<>();
    private volatile long size;

    public RamdiskBackingStore(long size) {
        this.size = size;
    }

    @Override
    public long size() {
        return size;
    }

    /** Pages holding data now (for tests and {@code info}). */
    public int allocatedPages() {
        return pages.size();
    }

    @Override
    public CompletableFuture<Void> read(long offset, ByteBuffer dst) {
        return inline(offset, dst.remaining(), () -> {
            long pos = offset;
            while (dst.hasRemaining()) {
                int inPage = (int) (pos % PAGE);
                int n = Math.min(PAGE - inPage, dst.remaining());
                byte[] page = pages.get(pos / PAGE);
                if (page == null) {
                    // Bulk, not byte by byte: a never-written 1 MiB read was 256 Ki single puts.
                    dst.put(ZERO_PAGE, 0, n);
                } else {
                    dst.put(page, inPage, n);
                }
                pos += n;
            }
        });
    }

    @Override
    public CompletableFuture<Void> write(long offset, ByteBuffer src, boolean forceUnitAccess) {
        return inline(offset, src.remaining(), () -> {
            long pos = offset;
            while (src.hasRemaining()) {
                int inPage = (int) (pos % PAGE);
                int n = Math.min(PAGE - inPage, src.remaining());
                byte[] page = pages.computeIfAbsent(pos / PAGE, k -> new byte[PAGE]);
                src.get(page, inPage, n);
                pos += n;
            }
        });
    }

    @Override
    public CompletableFuture<Void> flush() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> unmap(long offset, long length) {
        return writeZeroes(offset, length);
    }

    /** Whole pages are dropped (memory given back); partial pages at the ends are zeroed. */
    @Override
    public CompletableFuture<Void> writeZeroes(long offset, long length) {
        return inline(offset, length, () -> {
            long pos = offset;
            long end = offset + length;
            while (pos < end) {
                int inPage = (int) (pos % PAGE);
                int n = (int) Math.min(PAGE - inPage, end - pos);
                if (n == PAGE) {
                    pages.remove(pos / PAGE);
                } else {
                    byte[] page = pages.get(pos / PAGE);
                    if (page != null) {
                        java.util.Arrays.fill(page, inPage, inPage + n, (byte) 0);
                        if (java.util.Arrays.mismatch(page, new byte[PAGE]) < 0) {
                            pages.remove(pos / PAGE, page); // all zero now: give the page back
                        }
                    }
                }
                pos += n;
            }
        });
    }

    /** Pages never written or fully unmapped are deallocated; runs are counted in whole pages. */
    @Override
    public CompletableFuture<Extent> allocation(long offset, long maxLength) {
        boolean mapped = pages.containsKey(offset / PAGE);
        long pos = offset - offset % PAGE + PAGE;
        while (pos < offset + maxLength && pages.containsKey(pos / PAGE) == mapped) {
            pos += PAGE;
        }
        return CompletableFuture.completedFuture(new Extent(mapped, Math.min(pos - offset, maxLength)));
    }

    @Override
    public void resize(long newSize) {
        long firstGone = (newSize + PAGE - 1) / PAGE;
        pages.keySet().removeIf(p -> p >= firstGone);
        size = newSize;
    }

    @Override
    public void close() {
        pages.clear();
    }

    private CompletableFuture<Void> inline(long offset, long length, Runnable copy) {
        return StoreIo.inline(offset, length, size, copy);
    }
}
