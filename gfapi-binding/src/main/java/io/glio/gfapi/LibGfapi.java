package io.glio.gfapi;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.Delegate;
import jnr.ffi.annotations.IgnoreError;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.types.mode_t;
import jnr.ffi.types.off_t;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The raw libgfapi calls glio uses, as declared in glusterfs {@code api/src/glfs.h}. Every call
 * saves errno so the wrappers can read it right after a {@code -1} / {@code NULL} return.
 *
 * <p>libgfapi versions its symbols and {@code dlsym} binds the default one. On glusterfs 6 and
 * later (Debian 12 ships 10.x) the defaults of {@code glfs_pread}, {@code glfs_pwrite},
 * {@code glfs_ftruncate}, {@code glfs_fsync} and {@code glfs_fdatasync} are the
 * {@code GFAPI_6.0} variants with {@code struct glfs_stat *pre/post} arguments ({@code objdump -T
 * libgfapi.so.0} shows them without parentheses); the older {@code GFAPI_3.4.0} ones lack those
 * arguments. Passing {@code NULL} for the stat pointers asks gfapi not to fill them.
 *
 * <p>The interface is public only because jnr-ffi implements it in a class loader of its own;
 * the holder class keeps it package-private to Java code.
 *
 * <p>{@code glfs_t *} and {@code glfs_fd_t *} are opaque and carried as {@link Pointer}.
 */
final class LibGfapi {

    private LibGfapi() {
    }

    @SaveError
    public interface Calls {

        Pointer glfs_new(@In String volname);

        int glfs_set_volfile_server(Pointer fs, @In String transport, @In String host, int port);

        int glfs_set_logging(Pointer fs, @In String logfile, int loglevel);

        /** Sets an option of the client graph's xlators whose name matches the glob {@code xlator}. */
        int glfs_set_xlator_option(Pointer fs, @In String xlator, @In String key, @In String value);

        int glfs_init(Pointer fs);

        int glfs_fini(Pointer fs);

        Pointer glfs_creat(Pointer fs, @In String path, int flags, @mode_t int mode);

        Pointer glfs_open(Pointer fs, @In String path, int flags);

        int glfs_close(Pointer fd);

        @ssize_t long glfs_pread(Pointer fd, Pointer buf, @size_t long count, @off_t long offset, int flags,
                                 Pointer post);

        @ssize_t long glfs_pwrite(Pointer fd, Pointer buf, @size_t long count, @off_t long offset, int flags,
                                  Pointer pre, Pointer post);

        int glfs_ftruncate(Pointer fd, @off_t long length, Pointer pre, Pointer post);

        int glfs_fsync(Pointer fd, Pointer pre, Pointer post);

        int glfs_fdatasync(Pointer fd, Pointer pre, Pointer post);

        int glfs_discard(Pointer fd, @off_t long offset, @size_t long length);

        int glfs_zerofill(Pointer fd, @off_t long offset, @off_t long length);

        /** {@code struct stat} is written into {@code stat} (see {@link Gfapi#newStat()}). */
        int glfs_fstat(Pointer fd, @Out Pointer stat);

        int glfs_stat(Pointer fs, @In String path, @Out Pointer stat);

        int glfs_unlink(Pointer fs, @In String path);

        int glfs_mkdir(Pointer fs, @In String path, @mode_t int mode);

        /** {@code flags} 0 (create or replace), {@code XATTR_CREATE} 1, {@code XATTR_REPLACE} 2. */
        int glfs_fsetxattr(Pointer fd, @In String name, @In byte[] value, @size_t long size, int flags);

        /** Bytes of the value copied into {@code value}, or -1 ({@code ENODATA}: no such attribute). */
        @ssize_t long glfs_fgetxattr(Pointer fd, @In String name, @Out byte[] value, @size_t long size);

        int glfs_fremovexattr(Pointer fd, @In String name);

        /**
         * {@code fcntl}-style byte-range lock ({@code F_GETLK} 5, {@code F_SETLK} 6,
         * {@code F_SETLKW} 7) with a {@code struct flock} (see {@link PosixLocks}); the
         * posix-locks xlator on the bricks arbitrates between clients.
         */
        int glfs_posix_lock(Pointer fd, int cmd, Pointer flock);

        /**
         * Sets the lock owner of the file's later lock calls to {@code len} bytes at {@code data}
         * (gfapi copies them); without it the owner is the connection, so two files opened on one
         * connection would never conflict.
         */
        int glfs_fd_set_lkowner(Pointer fd, @In byte[] data, int len);

        // Asynchronous calls (GFAPI_6.0 defaults): 0 when submitted, -1 + errno when not; the
        // callback runs on a gfapi thread (or at once on the caller's) with the result.

        int glfs_pread_async(Pointer fd, Pointer buf, @size_t long count, @off_t long offset, int flags,
                             IoCallback fn, Pointer data);

        /** {@code count} is an {@code int} in glfs.h, unlike glfs_pread_async's {@code size_t}. */
        int glfs_pwrite_async(Pointer fd, Pointer buf, int count, @off_t long offset, int flags,
                              IoCallback fn, Pointer data);

        int glfs_fdatasync_async(Pointer fd, IoCallback fn, Pointer data);

        int glfs_fsync_async(Pointer fd, IoCallback fn, Pointer data);

        int glfs_discard_async(Pointer fd, @off_t long offset, @size_t long length, IoCallback fn, Pointer data);

        int glfs_zerofill_async(Pointer fd, @off_t long offset, @off_t long length, IoCallback fn, Pointer data);
    }

    /**
     * {@code glfs_io_cbk} of gfapi 6+: {@code (glfs_fd_t *fd, ssize_t ret, struct glfs_stat *pre,
     * struct glfs_stat *post, void *data)}. gfapi sets errno to the failure before calling it
     * when {@code ret} is -1; the stat pointers are only valid during the call.
     */
    public interface IoCallback {
        @Delegate
        void complete(Pointer fd, @ssize_t long ret, Pointer pre, Pointer post, Pointer data);
    }

    /** The C library's errno of the calling thread, for callbacks (jnr saves errno only for downcalls). */
    public interface LibC {
        @IgnoreError
        Pointer __errno_location();
    }
}
