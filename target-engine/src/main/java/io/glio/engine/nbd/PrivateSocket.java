package io.glio.engine.nbd;

import jnr.ffi.LibraryLoader;
import jnr.ffi.types.mode_t;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.ServerSocketChannel;

/**
 * Binds a Unix socket that is 0600 from its creation: under umask 0177 (a socket is created
 * 0777 minus the umask), as the service's control socket is, never chmod-ed afterwards.
 */
final class PrivateSocket {

    /** The one libc call Java has no form of. */
    public interface LibC {
        @mode_t int umask(@mode_t int mask);
    }

    private static final class Holder {
        static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
    }

    private PrivateSocket() {
    }

    /** Binds {@code server} to {@code address} with umask 0177, then puts the previous umask back. */
    static synchronized void bind(ServerSocketChannel server, SocketAddress address) throws IOException {
        // Process-wide for the instant of the bind; 0177 only takes more bits away than the
        // service's 077, so nothing created meanwhile becomes more open.
        int previous = Holder.LIBC.umask(0177);
        try {
            server.bind(address);
        } finally {
            Holder.LIBC.umask(previous);
        }
    }
}
