package io.glio.shell.service;

import io.glio.engine.local.LocalPath;
import io.glio.engine.local.UnixListener;
import io.glio.engine.model.TargetModel;
import io.glio.shell.EngineAttacher;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening side of {@code targetcli serve}: accepts shells on a Unix socket (a
 * {@link UnixListener}: 0600, only root and the service's own user), one thread and one
 * {@link ServiceConnection} per client, all over one model. Commands from every client run one
 * at a time under {@link #locked}, so each sees the changes of the one before.
 */
public final class ShellService implements AutoCloseable {

    /**
     * Where the service listens: {@code --socket PATH}, else {@code $TARGETCLI_SOCKET}, else
     * {@code /run/glio/targetcli.sock} for root and {@code $TARGETCLI_HOME/targetcli.sock} otherwise.
     */
    public static final LocalPath SOCKET = new LocalPath("TARGETCLI_SOCKET", Path.of("/run/glio/targetcli.sock"),
            "targetcli.sock");

    private static final Logger LOG = LoggerFactory.getLogger(ShellService.class);

    private final TargetModel model;
    private final EngineAttacher.Attached engine;
    private final Path configFile;
    private final Path socket;
    private final ReentrantLock commands = new ReentrantLock();
    private final Set<ServiceConnection> connections = ConcurrentHashMap.newKeySet();
    private volatile UnixListener listener;
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

    /** Binds the socket (0600 from its creation, never chmod-ed) and accepts clients on a thread of its own. */
    public void start() throws IOException {
        listener = UnixListener.start(socket, false, "targetcli-service-accept", new UnixListener.Handler() {
            @Override
            public void admit(SocketChannel channel, String user) {
                start(channel, user);
            }

            @Override
            public void refuse(SocketChannel channel, String user) {
                refuseUser(channel, user);
            }
        });
    }

    /** Starts a connection for a permitted peer (refused with one line while stopping). */
    private void start(SocketChannel ch, String user) {
        if (stopping) {
            refuseWith(ch, "The targetcli service on " + socket + " is stopping.");
            return;
        }
        ServiceConnection c = new ServiceConnection(this, new FrameChannel(ch), user);
        connections.add(c);
        Thread t = new Thread(c, "targetcli-client-" + user);
        t.setDaemon(true);
        t.start();
    }

    /** Tells a peer that may not connect why, in one line (a peer whose user is unknown gets none). */
    private void refuseUser(SocketChannel ch, String user) {
        if (user == null) {
            UnixListener.closeQuietly(ch);
            return;
        }
        refuseWith(ch, "The targetcli service on " + socket + " refuses user " + user + ": only root and "
                + UnixListener.processUser() + " may use it.");
    }

    private static void refuseWith(SocketChannel ch, String why) {
        FrameChannel fc = new FrameChannel(ch);
        try {
            fc.send(Messages.text(Frame.Type.REFUSED, why));
        } catch (IOException e) {
            LOG.debug("targetcli service: a refused peer left already: {}", e.getMessage());
        }
        fc.close();
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
        if (listener != null) {
            listener.close();
        }
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

    @Override
    public void close() {
        stop(0);
    }
}
