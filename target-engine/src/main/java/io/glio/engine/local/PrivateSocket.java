package io.glio.engine.local;

import jnr.ffi.LibraryLoader;
import jnr.ffi.types.mode_t;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;

/**
 * A Unix socket that is 0600 from its creation, never chmod-ed afterwards: it is bound under
 * umask 0177 (a socket is created 0777 minus the umask; 0177 gives 0600 where the service's 077
 * would give 0700). The umask is process-wide, so every bind of the process goes through here.
 */
public final class PrivateSocket {

    /** The one libc call Java has no form of. */
    public interface LibC {
        @mode_t int umask(@mode_t int mask);
    }

    private static final class Holder {
        static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
    }

    private PrivateSocket() {
    }

    /**
     * Sets the process umask to 077 (a service's files are private); an
     * {@link IllegalStateException} when libc cannot be called.
     */
    public static void setPrivateUmask() {
        try {
            umask(0077);
        } catch (LinkageError | RuntimeException e) {
            throw new IllegalStateException("cannot set the umask to 077: " + e.getMessage(), e);
        }
    }

    /** A server socket bound to {@code path} with mode 0600; closed again when the bind fails. */
    public static ServerSocketChannel bind(Path path) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            bindUnderUmask(server, UnixDomainSocketAddress.of(path));
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    // Synchronized: two binds at once (the service's and an NBD target's) must not restore
    // each other's umask. 0177 only takes more bits away than 077, so nothing created
    // meanwhile becomes more open.
    private static synchronized void bindUnderUmask(ServerSocketChannel server, UnixDomainSocketAddress address)
            throws IOException {
        int previous = umask(0177);
        try {
            server.bind(address);
        } finally {
            umask(previous);
        }
    }

    private static synchronized int umask(int mask) {
        return Holder.LIBC.umask(mask);
    }
}
