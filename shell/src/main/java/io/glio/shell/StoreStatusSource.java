package io.glio.shell;

import io.glio.engine.backing.StoreState;
import io.glio.engine.backing.glfs.meta.AluaPreference;
import io.glio.engine.backing.glfs.meta.LuSharing;
import io.glio.engine.model.Portal;
import io.glio.engine.model.StorageObject;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What a served engine reports beside the configuration, which {@code ls} and {@code info}
 * show (the model holds none of it): where the store of each storage object stands, and
 * whether each portal listens. {@link #NONE} stands for "no engine in this process".
 */
@FunctionalInterface
public interface StoreStatusSource {

    /** The state of the object's store; empty when no engine serves the object. */
    Optional<StoreState> state(StorageObject storageObject);

    /**
     * How a LU shared through its gluster volume stands: identity settled or in conflict, and
     * the gateways exporting it. Empty for other objects and when no engine serves it.
     */
    default Optional<LuSharing> sharing(StorageObject storageObject) {
        return Optional.empty();
    }

    /**
     * Why nobody listens on the portal ({@code cannot listen}, {@code not listening}); empty
     * when it listens, or when no engine serves (the configuration alone was checked then).
     */
    default Optional<String> portalProblem(Portal portal) {
        return Optional.empty();
    }

    /**
     * Makes {@code gateway} ({@code this}, {@code none} or an id) the preferred gateway of a LU
     * shared through its volume; completes once recorded there.
     *
     * @throws io.glio.engine.model.InvalidValueException naming a bad value; nothing is written
     */
    default CompletableFuture<AluaPreference> preferGateway(StorageObject storageObject, String gateway) {
        throw new ShellException("No engine serves " + storageObject.name() + " in this shell.");
    }

    StoreStatusSource NONE = storageObject -> Optional.empty();
}
