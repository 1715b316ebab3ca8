package io.glio.gfapi;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * The errno layer of {@code glfs_posix_lock}: fills a {@code struct flock}, runs the call and
 * turns {@code -1} + errno into a {@link GlfsException}, a conflicting lock
 * ({@code EAGAIN}/{@code EACCES}, POSIX lets {@code F_SETLK} answer either) into a
 * {@link GlfsLockHeldException}.
 *
 * <p>{@code struct flock} on x86_64 and aarch64 glibc: {@code short l_type} at 0,
 * {@code short l_whence} at 2, {@code off_t l_start} at 8, {@code off_t l_len} at 16,
 * {@code pid_t l_pid} at 24; 32 bytes.
 */
final class PosixLocks {

    static final int F_SETLK = 6;
    static final int F_SETLKW = 7;
    static final short F_RDLCK = 0;
    static final short F_WRLCK = 1;
    static final short F_UNLCK = 2;
    private static final short SEEK_SET = 0;
    private static final int FLOCK_SIZE = 32;
    private static final int EAGAIN = 11;
    private static final int EACCES = 13;

    /** Lock owners are per open file, unique within the process (the bricks add the client). */
    private static final AtomicLong OWNERS = new AtomicLong(ProcessHandle.current().pid() << 32);

    private PosixLocks() {
    }

    /** A fresh lock owner: 8 bytes, never handed out twice in this process. */
    static byte[] newOwner() {
        return ByteBuffer.allocate(Long.BYTES).putLong(OWNERS.incrementAndGet()).array();
    }

    /** {@code glfs_fd_set_lkowner}; {@code what} names the file in the error. */
    static void setOwner(Gfapi api, Pointer fd, byte[] owner, String what) throws GlfsException {
        if (api.lib.glfs_fd_set_lkowner(fd, owner, owner.length) != 0) {
            throw new GlfsException("glfs_fd_set_lkowner", api.errno(), what);
        }
    }

    /**
     * Runs {@code glfs_posix_lock(cmd)} for {@code type} over [{@code start},
     * {@code start + length}) ({@code length} 0: to the end of any file).
     *
     * @throws GlfsLockHeldException when {@code F_SETLK} finds a conflicting lock
     */
    static void lock(Gfapi api, Pointer fd, int cmd, short type, long start, long length, String what)
            throws GlfsException {
        Pointer flock = Memory.allocateDirect(api.runtime, FLOCK_SIZE);
        flock.putShort(0, type);
        flock.putShort(2, SEEK_SET);
        flock.putLong(8, start);
        flock.putLong(16, length);
        flock.putInt(24, 0);
        int rc;
        try {
            rc = api.lib.glfs_posix_lock(fd, cmd, flock);
        } finally {
            // jnr passes the struct's address only: without this fence the collector may free it
            // while F_SETLKW still waits in gfapi (a SIGSEGV in glfs_posix_lock seen under load).
            java.lang.ref.Reference.reachabilityFence(flock);
        }
        if (rc != 0) {
            int errno = api.errno();
            if (cmd == F_SETLK && (errno == EAGAIN || errno == EACCES)) {
                throw new GlfsLockHeldException(errno, what);
            }
            throw new GlfsException(cmd == F_SETLKW ? "glfs_posix_lock(F_SETLKW)" : "glfs_posix_lock(F_SETLK)",
                    errno, what);
        }
    }
}
