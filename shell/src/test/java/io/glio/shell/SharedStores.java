package io.glio.shell;

import io.glio.engine.backing.StoreState;
import io.glio.engine.backing.glfs.meta.AluaPreference;
import io.glio.engine.backing.glfs.meta.GatewayEntry;
import io.glio.engine.backing.glfs.meta.GatewayRegistry;
import io.glio.engine.backing.glfs.meta.LuSharing;
import io.glio.engine.model.InvalidValueException;
import io.glio.engine.model.StorageObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An engine stand-in for the shell tests: every object's store is connected and shared by the
 * given gateways (this one {@code gw-a}); {@code preferGateway} records what it was asked,
 * refuses {@code gw-x} as the engine refuses a gateway that is not live, and records the rest.
 */
final class SharedStores implements StoreStatusSource {

    private final List<GatewayEntry> gateways;
    private AluaPreference recorded = AluaPreference.NONE;
    final List<String> asked = new ArrayList<>();

    SharedStores(GatewayEntry... gateways) {
        this.gateways = List.of(gateways);
    }

    AluaPreference recorded() {
        return recorded;
    }

    @Override
    public Optional<StoreState> state(StorageObject so) {
        return Optional.of(StoreState.CONNECTED_STATE);
    }

    @Override
    public Optional<LuSharing> sharing(StorageObject so) {
        return Optional.of(new LuSharing(LuSharing.Status.SHARED, "", new GatewayRegistry(gateways, "gw-a", recorded)));
    }

    @Override
    public CompletableFuture<AluaPreference> preferGateway(StorageObject so, String gateway) {
        asked.add(gateway);
        if (gateway.equals("gw-x")) {
            throw new InvalidValueException("preferred_gateway: 'gw-x' is no live gateway of this LU");
        }
        recorded = new AluaPreference(gateway.equals("this") ? "gw-a" : gateway, AluaPreference.IMPLICIT);
        return CompletableFuture.completedFuture(recorded);
    }
}
