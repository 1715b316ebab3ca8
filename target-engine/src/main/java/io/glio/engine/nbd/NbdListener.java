package io.glio.engine.nbd;

import io.glio.engine.scsi.ItNexus;
import io.glio.engine.scsi.NexusSession;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The Unix socket of one loopback target: 0600 from its bind, accepting only root and the
 * engine's own user ({@code SO_PEERCRED}), one {@link NbdConnection} thread per client, each its
 * own I_T nexus ({@code <target wwn>,nbd,<n>}) to the target's LUNs.
 */
final class NbdListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NbdListener.class);
    private static final AtomicLong CONNECTIONS = new AtomicLong();

    private final Path path;
    private final String targetWwn;
    private final ServerSocketChannel server;
    private final Function<ItNexus, NexusSession> opener;
    private final Set<SocketChannel> clients = ConcurrentHashMap.newKeySet();
    private final String owner = System.getProperty("user.name");

    private NbdListener(Path path, String targetWwn, ServerSocketChannel server,
                        Function<ItNexus, NexusSession> opener) {
        this.path = path;
        this.targetWwn = targetWwn;
        this.server = server;
        this.opener = opener;
    }

    /** Binds {@code path} (a stale socket file from a previous run is replaced) and starts accepting. */
    static NbdListener bind(Path path, String targetWwn, Function<ItNexus, NexusSession> opener) throws IOException {
        Files.deleteIfExists(path);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            PrivateSocket.bind(server, UnixDomainSocketAddress.of(path));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        NbdListener l = new NbdListener(path, targetWwn, server, opener);
        NbdConnection.daemon(l::acceptLoop, "nbd-accept-" + targetWwn).start();
        return l;
    }

    Path path() {
        return path;
    }

    private void acceptLoop() {
        for (;;) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.warn("NBD {}: accept failed: {}", path, e.getMessage());
                continue;
            }
            if (permitted(ch)) {
                start(ch);
            }
        }
    }

    private boolean permitted(SocketChannel ch) {
        String user;
        try {
            UnixDomainPrincipal peer = ch.getOption(ExtendedSocketOptions.SO_PEERCRED);
            user = peer.user().getName();
        } catch (IOException | UnsupportedOperationException e) {
            user = null;
        }
        if (user != null && (user.equals("root") || user.equals(owner))) {
            return true;
        }
        LOG.warn("NBD {}: refused a connection from user {} (only root and {} may connect)", path, user, owner);
        try {
            ch.close();
        } catch (IOException e) {
            // refused anyway
        }
        return false;
    }

    private void start(SocketChannel ch) {
        long id = CONNECTIONS.incrementAndGet();
        String port = targetWwn + ",nbd," + id;
        ItNexus nexus = new ItNexus(port, port, targetWwn, targetWwn + ",t,0x0001", 1, 1, id);
        NbdConnection c = new NbdConnection(ch, opener.apply(nexus), "nbd " + port);
        clients.add(ch);
        NbdConnection.daemon(() -> {
            try {
                c.run();
            } finally {
                clients.remove(ch);
            }
        }, "nbd-" + id).start();
    }

    /** Stops accepting, removes the socket file and disconnects every client. */
    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("NBD {}: close: {}", path, e.getMessage());
        }
        for (SocketChannel ch : clients) {
            try {
                ch.close();
            } catch (IOException e) {
                LOG.debug("NBD {}: closing a client: {}", path, e.toString());
            }
        }
    }
}
