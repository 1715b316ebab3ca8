package io.glio.shell.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import jnr.ffi.LibraryLoader;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * What of libc the service needs that Java has no call for: sending one datagram on a Unix
 * socket (systemd's {@code sd_notify}; Java's Unix sockets are stream-only) and a user's uid.
 * The umask is the engine's {@link io.glio.engine.local.PrivateSocket}'s.
 */
final class ServiceLibc {

    /** Raw prototypes, loaded once. */
    public interface LibC {
        @SaveError
        int socket(int domain, int type, int protocol);

        @SaveError
        @ssize_t long sendto(int fd, @In byte[] buf, @size_t long len, int flags, @In byte[] addr, int addrLen);

        int close(int fd);

        jnr.ffi.Pointer getpwnam(String name);
    }

    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 0x80000;
    /** {@code sizeof(struct sockaddr_un)} on Linux: a 2-byte family and 108 bytes of path. */
    private static final int SUN_PATH_MAX = 108;

    private static final class Holder {
        static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
        static final jnr.ffi.Runtime RUNTIME = jnr.ffi.Runtime.getRuntime(LIBC);
    }

    private ServiceLibc() {
    }

    /**
     * The uid of user {@code name} through NSS ({@code getpwnam}), or -1 when there is none:
     * Java's {@code SO_PEERCRED} gives the peer's user name only.
     */
    static int uidOf(String name) {
        jnr.ffi.Pointer pw = Holder.LIBC.getpwnam(name);
        // struct passwd { char *pw_name; char *pw_passwd; uid_t pw_uid; ... }
        return pw == null ? -1 : pw.getInt(2L * Holder.RUNTIME.addressSize());
    }

    /**
     * Sends {@code message} as one datagram to the Unix socket {@code path} ({@code @name} is
     * Linux's abstract namespace, as {@code $NOTIFY_SOCKET} may say).
     */
    static void sendDatagram(String path, String message) throws IOException {
        byte[] addr = sockaddr(path);
        int fd = Holder.LIBC.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw new IOException("socket(AF_UNIX, SOCK_DGRAM): " + lastError());
        }
        try {
            byte[] buf = message.getBytes(StandardCharsets.UTF_8);
            if (Holder.LIBC.sendto(fd, buf, buf.length, 0, addr, addr.length) < 0) {
                throw new IOException("sendto " + path + ": " + lastError());
            }
        } finally {
            Holder.LIBC.close(fd);
        }
    }

    private static String lastError() {
        return "errno " + Holder.RUNTIME.getLastError();
    }

    /** {@code struct sockaddr_un} in host byte order, cut to the path's length. */
    static byte[] sockaddr(String path) throws IOException {
        byte[] name = path.getBytes(StandardCharsets.UTF_8);
        boolean abstractName = path.startsWith("@");
        if (abstractName) {
            name[0] = 0;
        }
        // A path needs its terminating NUL inside sun_path; an abstract name is exactly its bytes.
        int length = abstractName ? name.length : name.length + 1;
        if (name.length == 0 || length > SUN_PATH_MAX) {
            throw new IOException("socket path length: " + name.length + " (expected: 1.." + (SUN_PATH_MAX - 1) + ")");
        }
        byte[] addr = new byte[2 + length];
        boolean little = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;
        addr[little ? 0 : 1] = AF_UNIX;
        System.arraycopy(name, 0, addr, 2, name.length);
        return addr;
    }
}
