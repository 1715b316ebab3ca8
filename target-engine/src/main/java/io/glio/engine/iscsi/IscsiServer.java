package io.glio.engine.iscsi;

import io.glio.engine.iscsi.session.ConnectionTimeouts;
import io.glio.engine.iscsi.session.IscsiConnection;
import io.glio.engine.iscsi.session.Session;
import io.glio.engine.iscsi.session.SessionInfo;
import io.glio.engine.iscsi.session.SessionRegistry;
import io.glio.engine.model.Fabric;
import io.glio.engine.model.InitiatorAccess;
import io.glio.engine.model.ModelEvent;
import io.glio.engine.model.ModelListener;
import io.glio.engine.model.ModelSnapshot;
import io.glio.engine.model.PortalGuard;
import io.glio.engine.model.InvalidValueException;
import io.glio.engine.model.TargetModel;
import io.glio.engine.model.TargetSnapshot;
import io.glio.engine.model.Tpg;
import io.glio.engine.model.TpgSnapshot;
import io.glio.engine.scsi.NexusOpener;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The iSCSI target: listens on the portals of every enabled iSCSI TPG of the model and serves
 * logins, discovery and normal sessions on them (RFC 7143). Follows the model: enabling,
 * disabling or deleting TPGs, portals, targets and ACLs opens and closes listeners and drops
 * the sessions that lost their TPG or access. TPGs sharing an ip:port share one listener.
 * While it runs it is the model's {@link PortalGuard}: a new portal's ip:port is bound when the
 * portal is created (the creating thread waits for the bind, as LIO binds in the configfs
 * {@code mkdir}) and refused when the bind fails. A portal that fails later (after a disable and
 * re-enable) is logged with its address and the rest keeps working.
 *
 * <pre>
 * IscsiServer server = new IscsiServer(model, deviceRegistry);
 * server.start();
 * ...
 * server.sessions();   // for the shell's sessions command
 * server.close();
 * </pre>
 */
public final class IscsiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IscsiServer.class);

    private final TargetModel model;
    private final NexusOpener opener;
    private final ConnectionTimeouts timeouts;
    private final SessionRegistry sessions = new SessionRegistry();
    private final SecureRandom random = new SecureRandom();
    private final Object lock = new Object();
    private final Map<PortalAddress, Channel> listeners = new HashMap<>();
    private final Set<PortalAddress> failedPortals = new LinkedHashSet<>();
    /** Listeners bound at a portal's creation, with the snapshot generation they are newer than. */
    private final Map<PortalAddress, Long> admitted = new HashMap<>();
    /** Listeners closed but not yet released: their address is bound again once the close is done. */
    private final Map<PortalAddress, ChannelFuture> closing = new HashMap<>();
    private final AtomicBoolean reconcileQueued = new AtomicBoolean();
    private final ModelListener listener = this::onModelEvent;
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private ChannelGroup connections;
    private boolean closed;

    public IscsiServer(TargetModel model, NexusOpener opener) {
        this(model, opener, ConnectionTimeouts.LIO_DEFAULTS);
    }

    public IscsiServer(TargetModel model, NexusOpener opener, ConnectionTimeouts timeouts) {
        this.model = Objects.requireNonNull(model, "model");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
    }

    /** Binds the portals of all enabled iSCSI TPGs (waiting for the binds) and follows the model. */
    public void start() {
        synchronized (lock) {
            if (boss != null) {
                throw new IllegalStateException("iSCSI server already started");
            }
            // NIO, not Netty's native epoll: epoll bought nothing measurable (docs/performance.md),
            // so no native library.
            boss = new NioEventLoopGroup(1);
            workers = new NioEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()));
            connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        }
        model.addListener(listener);
        model.setPortalGuard(this::admit);
        reconcile(true);
    }

    /**
     * The model's portal guard: binds {@code ip:port} now unless it listens already (another
     * target's TPG shares it). Runs on the creating thread under the model's lock, never on an
     * event loop.
     */
    private void admit(String ip, int port) {
        PortalAddress portal = new PortalAddress(ip, port);
        ChannelFuture pendingClose;
        synchronized (lock) {
            pendingClose = closing.get(portal);
        }
        if (pendingClose != null) {
            pendingClose.awaitUninterruptibly(); // a portal deleted just before: its socket first
        }
        ChannelFuture bound;
        synchronized (lock) {
            if (closed) {
                PortalGuard.LOCAL_ADDRESS.admit(ip, port);
                return;
            }
            if (listeners.containsKey(portal)) {
                return;
            }
            // A reconcile that read an older snapshot must not close it as unwanted.
            admitted.put(portal, model.snapshot().generation());
            bound = bind(portal, false);
        }
        bound.awaitUninterruptibly();
        if (!bound.isSuccess()) {
            log.info("iSCSI portal {} refused: {}", portal, bound.cause().toString());
            throw new InvalidValueException(PortalGuard.REFUSED);
        }
    }

    /** Whether {@code ip:port} (configfs spelling) listens now, failed to, or neither. */
    public PortalState portalState(String ip, int port) {
        PortalAddress portal = new PortalAddress(ip, port);
        synchronized (lock) {
            Channel c = listeners.get(portal);
            if (c != null && c.isActive()) {
                return PortalState.LISTENING;
            }
            return failedPortals.contains(portal) ? PortalState.FAILED : PortalState.NOT_LISTENING;
        }
    }

    /** What {@link #portalState} finds. */
    public enum PortalState { LISTENING, FAILED, NOT_LISTENING }

    /** The live sessions, discovery ones included. */
    public List<SessionInfo> sessions() {
        List<SessionInfo> out = new ArrayList<>();
        for (Session s : sessions.all()) {
            out.add(s.info());
        }
        return out;
    }

    /** The ip:port addresses listening now (configfs spelling, e.g. {@code 0.0.0.0:3260}). */
    public Set<String> listeningPortals() {
        synchronized (lock) {
            Set<String> out = new LinkedHashSet<>();
            listeners.keySet().forEach(p -> out.add(p.toString()));
            return out;
        }
    }

    private void onModelEvent(ModelEvent event) {
        // Runs under the model's lock: only queue the work (ModelListener contract).
        if (event instanceof ModelEvent.StorageObjectAdded || event instanceof ModelEvent.StorageObjectChanged
                || event instanceof ModelEvent.StorageObjectRemoved || event instanceof ModelEvent.LunChanged) {
            return;
        }
        requestReconcile();
    }

    /** Queues one reconcile on the boss loop (several requests before it runs make one). */
    private void requestReconcile() {
        EventLoopGroup b = boss;
        if (b != null && reconcileQueued.compareAndSet(false, true)) {
            try {
                b.execute(() -> {
                    reconcileQueued.set(false);
                    reconcile(false);
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                reconcileQueued.set(false);
            }
        }
    }

    /** Brings listeners and sessions in line with the model. */
    private void reconcile(boolean waitForBinds) {
        Set<PortalAddress> wanted = new LinkedHashSet<>();
        List<Session> stale = new ArrayList<>();
        // Runs on the boss event loop: reads the published snapshot, never the model's lock.
        ModelSnapshot config = model.snapshot();
        for (TargetSnapshot t : config.targets(Fabric.ISCSI)) {
            for (TpgSnapshot tpg : t.tpgs()) {
                if (tpg.enabled()) {
                    for (TpgSnapshot.PortalSnapshot p : tpg.portals()) {
                        wanted.add(PortalAddress.of(p));
                    }
                }
            }
        }
        for (Session s : sessions.all()) {
            String why = s.discovery() ? null : lostAccess(config, s);
            if (why != null) {
                log.info("iSCSI session of {} on {} dropped: {}", s.initiatorName(), s.tpg(), why);
                stale.add(s);
            }
        }
        stale.forEach(s -> s.close("model change"));
        List<ChannelFuture> binds = new ArrayList<>();
        synchronized (lock) {
            if (closed || boss == null) {
                return;
            }
            for (PortalAddress p : new ArrayList<>(listeners.keySet())) {
                Long since = admitted.get(p);
                if (since != null && config.generation() <= since) {
                    continue;
                }
                admitted.remove(p);
                if (!wanted.contains(p)) {
                    log.info("iSCSI portal {} closed", p);
                    ChannelFuture closed = listeners.remove(p).close();
                    closing.put(p, closed);
                    closed.addListener(done -> {
                        synchronized (lock) {
                            closing.remove(p, closed);
                        }
                    });
                }
            }
            failedPortals.retainAll(wanted);
            for (PortalAddress p : wanted) {
                ChannelFuture stillClosing = closing.get(p);
                if (stillClosing != null) {
                    // Wanted again before its old socket is released: binding now would fail with
                    // "Address already in use" (seen as a flapping portal in the conformance test).
                    stillClosing.addListener(done -> requestReconcile());
                } else if (!listeners.containsKey(p)) {
                    binds.add(bind(p, true));
                }
            }
        }
        if (waitForBinds) {
            binds.forEach(ChannelFuture::awaitUninterruptibly);
        }
    }

    /** Why a normal session may no longer exist, or null when it still may. */
    private static String lostAccess(ModelSnapshot config, Session s) {
        Tpg tpg = s.tpg();
        TpgSnapshot now = config.target(Fabric.ISCSI, tpg.target().wwn())
                .filter(t -> t.target() == tpg.target())
                .flatMap(t -> t.tpg(tpg.tag()))
                .filter(t -> t.tpg() == tpg).orElse(null);
        if (now == null) {
            return "TPG deleted";
        }
        if (!now.enabled()) {
            return "TPG disabled";
        }
        if (InitiatorAccess.resolve(now, s.initiatorName()).isEmpty()) {
            return "initiator has no access any more";
        }
        return null;
    }

    /** Binds {@code portal}; {@code report}: a failure is logged and kept for {@link #failedPortals}. */
    private ChannelFuture bind(PortalAddress portal, boolean report) {
        PortalServices services = new PortalServices(model, portal, opener, sessions, timeouts);
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 256)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        ch.pipeline().addLast("iscsi", new IscsiConnection(services, random));
                    }
                });
        ChannelFuture f = b.bind(portal.bindAddress());
        listeners.put(portal, f.channel());
        f.addListener(done -> {
            synchronized (lock) {
                if (done.isSuccess()) {
                    failedPortals.remove(portal);
                    log.info("iSCSI portal {} listening", portal);
                    if (closed) {
                        f.channel().close();
                    }
                } else if (listeners.get(portal) != f.channel()) {
                    // The portal went away before its bind finished (a default portal deleted
                    // right after `/iscsi create`): closing it failed the bind, nothing else did.
                    log.debug("iSCSI portal {} closed while binding", portal);
                } else {
                    listeners.remove(portal);
                    admitted.remove(portal);
                    if (report && failedPortals.add(portal)) {
                        log.error("iSCSI portal {} cannot listen: {}", portal, done.cause().toString());
                    }
                }
            }
        });
        return f;
    }

    /** Portals that could not be bound (e.g. address in use), for status displays. */
    public Set<String> failedPortals() {
        synchronized (lock) {
            Set<String> out = new LinkedHashSet<>();
            failedPortals.forEach(p -> out.add(p.toString()));
            return out;
        }
    }

    /** Stops listening, drops every session and stops the event loops. */
    @Override
    public void close() {
        model.removeListener(listener);
        model.setPortalGuard(PortalGuard.LOCAL_ADDRESS);
        List<Channel> toClose;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(listeners.values());
            listeners.clear();
        }
        toClose.forEach(c -> c.close().awaitUninterruptibly());
        if (connections != null) {
            connections.close().awaitUninterruptibly();
        }
        if (workers != null) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }
}
