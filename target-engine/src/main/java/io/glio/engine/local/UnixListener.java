package io.glio.engine.local;

import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A private Unix socket ({@link PrivateSocket}) and the thread that accepts on it: each peer's
 * user comes from {@code SO_PEERCRED}; root and the user this process runs as are handed to
 * {@link Handler#admit}, anyone else (or a peer whose user cannot be told) to
 * {@link Handler#refuse}. The handler runs on the accepting thread, so it starts a thread of its
 * own for anything longer than a few writes.
 */
public final class UnixListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UnixListener.class);

    /** What becomes of an accepted connection. */
    public interface Handler {
        /** A permitted peer, running as {@code user}. */
        void admit(SocketChannel channel, String user);

        /**
         * A peer that may not connect ({@code user} null when it cannot be told); the default
         * closes the channel.
         */
        default void refuse(SocketChannel channel, String user) {
            closeQuietly(channel);
        }
    }

    private final Path path;
    private final ServerSocketChannel server;
    private final Handler handler;
    private static final String OWNER = System.getProperty("user.name");

    private UnixListener(Path path, ServerSocketChannel server, Handler handler) {
        this.path = path;
        this.server = server;
        this.handler = handler;
    }

    /**
     * Binds {@code path} 0600 (a stale socket file there is replaced when {@code replace}) and
     * accepts on a daemon thread named {@code threadName}.
     */
    public static UnixListener start(Path path, boolean replace, String threadName, Handler handler)
            throws IOException {
        if (replace) {
            Files.deleteIfExists(path);
        }
        UnixListener l = new UnixListener(path, PrivateSocket.bind(path), handler);
        Thread t = new Thread(l::acceptLoop, threadName);
        t.setDaemon(true);
        t.start();
        return l;
    }

    public Path path() {
        return path;
    }

    /** Who may connect besides root: the user this process runs as. */
    public static String processUser() {
        return OWNER;
    }

    private void acceptLoop() {
        for (;;) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.warn("{}: accept failed: {}", path, e.getMessage());
                continue;
            }
            String user = peerUser(ch);
            if (user != null && (user.equals("root") || user.equals(OWNER))) {
                handler.admit(ch, user);
            } else {
                LOG.warn("{}: refused a connection from user {} (only root and {} may connect)", path, user, OWNER);
                handler.refuse(ch, user);
            }
        }
    }

    private static String peerUser(SocketChannel ch) {
        try {
            return ch.getOption(ExtendedSocketOptions.SO_PEERCRED).user().getName();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** Closes {@code channel}, which is being given up anyway. */
    public static void closeQuietly(java.nio.channels.Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing a refused or finished connection: {}", e.toString());
        }
    }

    /** Stops accepting and removes the socket file; connections already admitted stay. */
    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("{}: close: {}", path, e.getMessage());
        }
    }
}
