package io.glio.shell.service;

import io.glio.engine.model.TargetModel;
import io.glio.shell.EngineAttacher;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening side of {@code targetcli serve}: accepts shells on a Unix socket (only root and
 * the service's own user, checked with {@code SO_PEERCRED}), one thread and one
 * {@link ServiceConnection} per client, all over one model. Commands from every client run one
 * at a time under {@link #locked}, so each sees the changes of the one before.
 */
public final class ShellService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShellService.class);

    private final TargetModel model;
    private final EngineAttacher.Attached engine;
    private final Path configFile;
    private final Path socket;
    private final ReentrantLock commands = new ReentrantLock();
    private final Set<ServiceConnection> connections = ConcurrentHashMap.newKeySet();
    private final String owner = System.getProperty("user.name");
    private ServerSocketChannel server;
    private Thread acceptor;
    private volatile boolean stopping;

    /** A service over {@code model}, whose clients' shells show what {@code engine} serves. */
    public ShellService(TargetModel model, EngineAttacher.Attached engine, Path configFile, Path socket) {
        this.model = model;
        this.engine = engine;
        this.configFile = configFile;
        this.socket = socket;
    }

    TargetModel model() {
        return model;
    }

    EngineAttacher.Attached engine() {
        return engine;
    }

    Path configFile() {
        return configFile;
    }

    public Path socket() {
        return socket;
    }

    /**
     * Binds the socket and accepts clients on a thread of its own. The socket's mode comes from
     * the umask at bind ({@link ServiceUmask#bind}): 0600 from its creation, never chmod-ed.
     */
    public void start() throws IOException {
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        ServiceUmask.bind(server, UnixDomainSocketAddress.of(socket));
        acceptor = new Thread(this::acceptLoop, "targetcli-service-accept");
        acceptor.start();
    }

    private void acceptLoop() {
        while (!stopping) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.warn("targetcli service: accept on {} failed: {}", socket, e.getMessage());
                continue;
            }
            admit(ch);
        }
    }

    /** Starts a connection for a permitted peer; refuses anyone else with one line. */
    private void admit(SocketChannel ch) {
        FrameChannel fc = new FrameChannel(ch);
        String user;
        try {
            UnixDomainPrincipal peer = ch.getOption(ExtendedSocketOptions.SO_PEERCRED);
            user = peer.user().getName();
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("targetcli service: cannot tell who connected ({}), refused", e.getMessage());
            fc.close();
            return;
        }
        if (stopping || !(user.equals("root") || user.equals(owner))) {
            String why = stopping ? "The targetcli service on " + socket + " is stopping."
                    : "The targetcli service on " + socket + " refuses user " + user + ": only root and " + owner
                    + " may use it.";
            LOG.warn("targetcli service: refused a connection from user {}", user);
            try {
                fc.send(Messages.text(Frame.Type.REFUSED, why));
            } catch (IOException e) {
                // the peer left already
            }
            fc.close();
            return;
        }
        ServiceConnection c = new ServiceConnection(this, fc, user);
        connections.add(c);
        Thread t = new Thread(c, "targetcli-client-" + user);
        t.setDaemon(true);
        t.start();
    }

    void forget(ServiceConnection c) {
        connections.remove(c);
    }

    /** Runs {@code action} under the service-wide command lock. */
    public <T> T locked(Supplier<T> action) {
        commands.lock();
        try {
            return action.get();
        } finally {
            commands.unlock();
        }
    }

    /**
     * Stops: no new clients, then waits up to {@code boundMillis} for the command in flight,
     * then closes every client's connection. Returns whether no command was still running; the
     * command lock stays held by the caller's thread, so nothing runs after this returns.
     */
    public boolean stop(long boundMillis) {
        stopping = true;
        closeServer();
        boolean idle;
        try {
            idle = commands.tryLock(boundMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            idle = false;
        }
        connections.forEach(ServiceConnection::close);
        return idle;
    }

    private void closeServer() {
        try {
            if (server != null) {
                server.close();
            }
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.warn("targetcli service: closing {}: {}", socket, e.getMessage());
        }
    }

    @Override
    public void close() {
        stop(0);
    }
}
