package io.glio.shell.engine;

import io.glio.shell.EngineAttacher;
import io.glio.shell.LoopbackSockets;
import io.glio.shell.SessionSource;
import io.glio.shell.StoreStatusSource;
import io.glio.engine.backing.StoreState;
import io.glio.engine.backing.glfs.meta.LuSharing;
import io.glio.engine.runtime.TargetEngine;
import io.glio.engine.model.StorageObject;
import io.glio.engine.model.Fabric;
import io.glio.engine.model.InitiatorAccess;
import io.glio.engine.model.TargetModel;

import io.glio.engine.model.Portal;
import io.glio.engine.model.Target;
import io.glio.engine.model.Tpg;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The engine a long-running shell serves its model with (found through {@link java.util.ServiceLoader},
 * so the shell's own code stays free of Netty and gfapi): backing stores for every storage
 * object, iSCSI listeners on every enabled TPG and the loopback targets' NBD sockets under the
 * run directory, for as long as the shell runs.
 */
public final class ServedEngine implements EngineAttacher {

    @Override
    public Attached attach(TargetModel model, java.nio.file.Path runDir) {
        TargetEngine engine = TargetEngine.start(model, runDir);
        SessionSource sessions = new LiveSessions(model, engine);
        return new Attached() {
            @Override
            public SessionSource sessions() {
                return sessions;
            }

            @Override
            public StoreStatusSource stores() {
                return new StoreStatusSource() {
                    @Override
                    public Optional<StoreState> state(StorageObject so) {
                        return engine.storeState(so);
                    }

                    @Override
                    public Optional<LuSharing> sharing(StorageObject so) {
                        return engine.sharing(so);
                    }

                    @Override
                    public Optional<String> portalProblem(Portal portal) {
                        return ServedEngine.portalProblem(engine, portal);
                    }

                    @Override
                    public java.util.concurrent.CompletableFuture<io.glio.engine.backing.glfs.meta.AluaPreference>
                            preferGateway(StorageObject so, String gateway) {
                        return engine.preferGateway(so, gateway);
                    }
                };
            }

            @Override
            public LoopbackSockets loopbackSockets() {
                return engine::loopbackSocket;
            }

            @Override
            public void awaitPortals(long millis) {
                long deadline = System.nanoTime() + millis * 1_000_000;
                while (!allSettled(model, engine) && System.nanoTime() - deadline < 0) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }

            @Override
            public void close() {
                engine.close();
            }
        };
    }

    /** Why nobody listens on {@code portal}, or empty when its listener is up. */
    static Optional<String> portalProblem(TargetEngine engine, Portal portal) {
        if (!portal.tpg().enabled()) {
            // The engine closes a disabled TPG's listeners (asynchronously); logins are refused already.
            return Optional.of("not listening, TPG disabled");
        }
        return switch (engine.portalState(portal.ipAddress(), portal.port())) {
            case LISTENING -> Optional.empty();
            case FAILED -> Optional.of("cannot listen");
            case NOT_LISTENING -> Optional.of("not listening");
        };
    }

    /** Whether every portal of an enabled iSCSI TPG listens or has failed (binds are asynchronous). */
    private static boolean allSettled(TargetModel model, TargetEngine engine) {
        Set<String> settled = new HashSet<>(engine.listeningPortals());
        settled.addAll(engine.failedPortals());
        for (Target t : model.targets(Fabric.ISCSI)) {
            for (Tpg tpg : t.tpgs()) {
                for (Portal p : tpg.enabled() ? tpg.portals() : List.<Portal>of()) {
                    if (!settled.contains(p.ipAddress() + ":" + p.port())) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** The engine's sessions in the shape {@code sessions} prints. */
    private record LiveSessions(TargetModel model, TargetEngine engine) implements SessionSource {

        @Override
        public boolean serving() {
            return true;
        }

        @Override
        public List<SessionSource.SessionInfo> sessions() {
            return engine.sessions().stream().map(this::describe).toList();
        }

        private SessionSource.SessionInfo describe(io.glio.engine.iscsi.session.SessionInfo s) {
            List<SessionSource.MappedLunInfo> luns = model.snapshot().target(Fabric.ISCSI, s.targetName())
                    .flatMap(t -> t.tpg(s.tpgTag()))
                    .flatMap(tpg -> InitiatorAccess.resolve(tpg, s.initiatorName()))
                    .map(access -> access.luns().stream()
                            .map(l -> new SessionSource.MappedLunInfo(l.lun(),
                                    l.tpgLun().storageObject().qualifiedName(), l.readOnly()))
                            .toList())
                    .orElse(List.of());
            List<SessionSource.ConnectionInfo> connections = s.connections().stream()
                    .map(c -> new SessionSource.ConnectionInfo(hostOf(c.remoteAddress()), "TCP", c.cid(), "LOGGED_IN"))
                    .toList();
            // The alias is what the initiator declared (InitiatorAlias), empty when it declared none.
            String alias = s.negotiated().getOrDefault("InitiatorAlias", "");
            return new SessionSource.SessionInfo(s.tsih(), alias, s.initiatorName(), s.sessionType(), "LOGGED_IN",
                    s.authenticated(), luns, connections);
        }

        private static String hostOf(String address) {
            int colon = address.lastIndexOf(':');
            return colon < 0 ? address : address.substring(0, colon);
        }
    }
}
