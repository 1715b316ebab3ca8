package io.glio.engine.nbd;

import io.glio.engine.local.UnixListener;
import io.glio.engine.scsi.ItNexus;
import io.glio.engine.scsi.NexusSession;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The Unix socket of one loopback target ({@link UnixListener}: 0600 from its bind, only root
 * and the engine's own user admitted): one {@link NbdConnection} thread per client, each its
 * own I_T nexus ({@code <target wwn>,nbd,<n>}) to the target's LUNs.
 */
final class NbdListener implements AutoCloseable {

    private static final AtomicLong CONNECTIONS = new AtomicLong();

    private final String targetWwn;
    private final Function<ItNexus, NexusSession> opener;
    private final Set<SocketChannel> clients = ConcurrentHashMap.newKeySet();
    private UnixListener socket;

    private NbdListener(String targetWwn, Function<ItNexus, NexusSession> opener) {
        this.targetWwn = targetWwn;
        this.opener = opener;
    }

    /** Binds {@code path} (a stale socket file from a previous run is replaced) and starts accepting. */
    static NbdListener bind(Path path, String targetWwn, Function<ItNexus, NexusSession> opener) throws IOException {
        NbdListener l = new NbdListener(targetWwn, opener);
        l.socket = UnixListener.start(path, true, "nbd-accept-" + targetWwn, (ch, user) -> l.start(ch));
        return l;
    }

    Path path() {
        return socket.path();
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
        socket.close();
        clients.forEach(UnixListener::closeQuietly);
    }
}
