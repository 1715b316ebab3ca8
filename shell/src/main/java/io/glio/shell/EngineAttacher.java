package io.glio.shell;

import io.glio.target.model.TargetModel;

/**
 * The one place where a long-running shell (interactive or piped) starts serving the model: the
 * integrator plugs the iSCSI engine in here. The returned handle stops the engine when the shell
 * ends. {@link #NONE} serves nothing and says so through {@link SessionSource#NONE}.
 */
@FunctionalInterface
public interface EngineAttacher {

    /** A served engine: its sessions and how to stop it. */
    interface Attached extends AutoCloseable {
        SessionSource sessions();

        @Override
        void close();
    }

    Attached attach(TargetModel model);

    /** No engine: the configuration is edited and saved, nothing is served. */
    EngineAttacher NONE = model -> new Attached() {
        @Override
        public SessionSource sessions() {
            return SessionSource.NONE;
        }

        @Override
        public void close() {
        }
    };
}
