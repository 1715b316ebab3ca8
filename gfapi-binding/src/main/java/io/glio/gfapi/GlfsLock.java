package io.glio.gfapi;

/**
 * A byte-range lock held on a {@link GlfsFile} ({@code glfs_posix_lock}, POSIX record-lock
 * semantics): the bricks' posix-locks xlator keeps it, so it excludes other clients of the volume
 * (other gateways), not only other threads of this process. Closing releases it ({@code F_UNLCK}
 * over the same range). The lock belongs to this connection: gluster drops it when the client
 * disconnects, so a killed gateway does not leave it held.
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

    /** Bytes covered; 0 means "to the end of the file and beyond", as in {@code fcntl}. */
    public long length() {
        return length;
    }

    /**
     * Releases the lock. Idempotent.
     *
     * @throws GlfsException when gluster refuses the unlock (the brick forgets the lock anyway
     *                       when this client disconnects)
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
        return "GlfsLock[" + (exclusive ? "exclusive " : "shared ") + start + "+" + length + " of " + file + "]";
    }
}
