package io.glio.shell.service;

/**
 * The service's files are private: it runs with umask 077, and binds its socket under 0177 (a
 * socket is created 0777 minus the umask; 0177 gives 0600 where 077 would give 0700).
 */
public final class ServiceUmask {

    private ServiceUmask() {
    }

    /** Sets the process umask to 077; an {@link IllegalStateException} when libc cannot be called. */
    public static void setPrivate() {
        try {
            ServiceLibc.umask(0077);
        } catch (LinkageError | RuntimeException e) {
            throw new IllegalStateException("cannot set the umask to 077: " + e.getMessage(), e);
        }
    }

    /** Binds {@code server} to {@code address} with umask 0177, then puts 077 back. */
    static void bind(java.nio.channels.ServerSocketChannel server, java.net.SocketAddress address)
            throws java.io.IOException {
        // Process-wide for the instant of the bind: the engine creates no files meanwhile, and
        // 0177 only takes more bits away than 077 does.
        int previous = ServiceLibc.umask(0177);
        try {
            server.bind(address);
        } finally {
            ServiceLibc.umask(previous);
        }
    }
}
