package io.glio.gfapi;

import java.util.Arrays;
import java.util.Optional;
import jnr.ffi.Pointer;

/** The errno layer of {@code glfs_fgetxattr}: an absent attribute ({@code ENODATA}) is empty. */
final class Xattrs {

    /** Largest extended attribute value Linux allows ({@code XATTR_SIZE_MAX}). */
    static final int MAX_VALUE = 65536;
    private static final int ENODATA = 61;

    private Xattrs() {
    }

    /** One call into a buffer of the largest size, so no value can change between a size probe and the read. */
    static Optional<byte[]> get(Gfapi api, Pointer fd, String name, String what) throws GlfsException {
        byte[] buffer = new byte[MAX_VALUE];
        long n = api.lib.glfs_fgetxattr(fd, name, buffer, buffer.length);
        if (n < 0) {
            int errno = api.errno();
            if (errno == ENODATA) {
                return Optional.empty();
            }
            throw new GlfsException("glfs_fgetxattr", errno, what + " " + name);
        }
        return Optional.of(Arrays.copyOf(buffer, (int) n));
    }
}
