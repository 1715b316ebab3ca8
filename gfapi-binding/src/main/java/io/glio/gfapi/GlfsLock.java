package io.glio.gfapi;

/**
 * A byte-range lock held on a {@link GlfsFile} (from {@link GlfsFile#lock}); {@link #close()}
 * releases it. Closing the file releases its locks too, after which closing this does nothing.
 * Locks of one file handle do not conflict with each other (POSIX semantics per lock owner,
 * and each {@code GlfsFile} is its own owner); they do conflict with other handles' locks, on
 * this connection or any other client's.
 */
public final class GlfsLock implements AutoCloseable {

    private final GlfsFile file;
    private final boolean exclusive;
    private final long start;
    private final long length;
    private boolean released;

    GlfsLock(GlfsFile file, boolean exclusive, long start, long length) {
        this.file = file;
        this.exclusive = exclusive;
        this.start = start;
        this.length = length;
    }

    public boolean exclusive() {
        return exclusive;
    }

    public long start() {
        return start;
    }

    /** Length of the range; 0 means up to the end of the file, whatever it becomes. */
    public long length() {
        return length;
    }

    /**
     * Releases the range ({@code F_UNLCK}). Idempotent.
     *
     * @throws GlfsException when the bricks cannot be told (they drop the lock when the file
     *                       closes or the client disconnects)
     */
    @Override
    public void close() throws GlfsException {
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
        }
        file.unlock(start, length);
    }

    @Override
    public String toString() {
        return "GlfsLock[" + (exclusive ? "exclusive " : "shared ") + file + " " + start + "+" + length + "]";
    }
}
