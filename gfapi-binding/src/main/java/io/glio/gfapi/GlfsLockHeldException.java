package io.glio.gfapi;

/**
 * A lock asked for without waiting ({@code F_SETLK}) conflicts with a lock another owner holds
 * (another file handle, here or on another client): nothing was locked.
 */
public final class GlfsLockHeldException extends GlfsException {

    GlfsLockHeldException(int errno, String what) {
        super("glfs_posix_lock(F_SETLK)", errno, what, "held by another lock owner");
    }
}
