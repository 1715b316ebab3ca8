package io.glio.shell.node;

import io.glio.engine.backing.StoreState;
import io.glio.engine.backing.glfs.meta.LuSharing;
import io.glio.engine.model.StorageObject;
import io.glio.shell.Shell;
import io.glio.shell.ShellException;
import java.util.Optional;

/**
 * After creating a user:glfs object in a shell that serves it: waits (bounded) until the engine
 * has read the LU's identity from the volume, and undoes the creation when the given wwn
 * conflicts with the volume's, so the admin gets the refusal, naming both wwns, as the
 * command's error. A volume that cannot be reached is not waited for: the engine applies the
 * identity once it can read it.
 */
final class SharedIdentityWait {

    static final long WAIT_MILLIS = 10_000;
    private static final long POLL_MILLIS = 20;

    private final Shell shell;

    SharedIdentityWait(Shell shell) {
        this.shell = shell;
    }

    void refuseOnConflict(StorageObject so) {
        if (shell.stores().state(so).isEmpty()) {
            return; // no engine serves it here (one-shot): the served one decides at restore
        }
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        while (System.nanoTime() - deadline < 0) {
            Optional<LuSharing> sharing = shell.stores().sharing(so);
            if (sharing.map(LuSharing::status).orElse(LuSharing.Status.PENDING) == LuSharing.Status.CONFLICT) {
                shell.model().deleteStorageObject(so);
                throw new ShellException(sharing.get().message() + ".");
            }
            if (sharing.map(LuSharing::status).orElse(null) == LuSharing.Status.SHARED || givenUp(so)) {
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The store cannot reach its volume (or cannot be served): nothing to wait for now. */
    private boolean givenUp(StorageObject so) {
        StoreState.Kind kind = shell.stores().state(so).map(StoreState::kind).orElse(StoreState.Kind.CLOSED);
        return kind != StoreState.Kind.CONNECTING && kind != StoreState.Kind.CONNECTED;
    }
}
