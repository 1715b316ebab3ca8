package io.glio.shell;

import io.glio.engine.model.TargetModel;
import java.nio.file.Path;

/**
 * The one place where a long-running shell (interactive or piped) starts serving the model: the
 * integrator plugs the iSCSI engine in here ({@link Main#run(String[], EngineAttacher)}, or a
 * {@code META-INF/services/io.glio.shell.EngineAttacher} entry that {@link Main#main} finds).
 * It is called with an empty model before the configuration file is restored, so the engine
 * learns everything from the model's events; the returned handle stops the engine when the
 * shell ends. One-shot commands never attach an engine. {@link #NONE} serves nothing and says
 * so through {@link SessionSource#NONE}.
 */
@FunctionalInterface
public interface EngineAttacher {

    /** A served engine: its sessions, its stores' states, its loopback sockets and how to stop it. */
    interface Attached extends AutoCloseable {
        SessionSource sessions();

        /**
         * Waits (at most {@code millis}) until every portal of an enabled TPG listens or has
         * failed to: {@code targetcli serve} reports readiness after this.
         */
        default void awaitPortals(long millis) {
        }

        /** The state of each storage object's backing store, kept beside the model. */
        default StoreStatusSource stores() {
            return StoreStatusSource.NONE;
        }

        /** Where each loopback target is served over NBD. */
        default LoopbackSockets loopbackSockets() {
            return LoopbackSockets.NONE;
        }

        @Override
        void close();
    }

    /**
     * Starts serving {@code model}; runtime sockets (the loopback targets' NBD sockets) go under
     * {@code runDir} ({@link ShellSettings#runDir()}).
     */
    Attached attach(TargetModel model, Path runDir);

    /** No engine: the configuration is edited and saved, nothing is served. */
    EngineAttacher NONE = (model, runDir) -> new Attached() {
        @Override
        public SessionSource sessions() {
            return SessionSource.NONE;
        }

        @Override
        public void close() {
        }
    };
}
