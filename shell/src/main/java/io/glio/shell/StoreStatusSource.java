package io.glio.shell;

import io.glio.engine.backing.StoreState;
import io.glio.engine.backing.glfs.meta.LuSharing;
import io.glio.engine.model.StorageObject;
import java.util.Optional;

/**
 * Where a served engine's store of each storage object stands, which {@code ls} and
 * {@code info} show beside the configuration (the model holds none of it). {@link #NONE} stands
 * for "no engine in this process".
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

    StoreStatusSource NONE = storageObject -> Optional.empty();
}
