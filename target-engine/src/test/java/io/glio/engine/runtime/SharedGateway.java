package io.glio.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.glio.engine.backing.BackingStoreProvider;
import io.glio.engine.backing.glfs.GlfsBackingStoreProvider;
import io.glio.engine.backing.glfs.meta.LuSharing;
import io.glio.engine.model.Fabric;
import io.glio.engine.model.StorageObject;
import io.glio.engine.model.Target;
import io.glio.engine.model.TargetModel;
import io.glio.engine.model.Tpg;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One gateway of the shared-LU tests: its own model and registry (so its own gluster
 * connection and gateway id) exporting one user:glfs object as LUN 0 of its own target, and one
 * logged-in initiator.
 */
final class SharedGateway implements AutoCloseable {

    static final long SIZE = 4L << 20;
    private static final String INITIATOR = "iqn.2026-12.io.glio:shared-test-initiator";

    final TargetModel model = new TargetModel();
    final DeviceRegistry registry;
    final StorageObject so;
    final String iqn;
    Initiator initiator;

    SharedGateway(String id, String config, String wwn, boolean force, Duration beat) {
        iqn = "iqn.2026-12.io.glio:" + id;
        so = model.createUser("shared", SIZE, config, wwn, force, null, null);
        Target target = model.createTarget(Fabric.ISCSI, iqn);
        Tpg tpg = model.createTpg(target, 1);
        model.createPortal(tpg, "127.0.0.1", 3260);
        model.createLun(tpg, 0, so, null);
        model.setTpgAttribute(tpg, "generate_node_acls", "1");
        model.setTpgAttribute(tpg, "demo_mode_write_protect", "0");
        model.setTpgEnabled(tpg, true);
        List<BackingStoreProvider> providers = new ArrayList<>(List.of(new GlfsBackingStoreProvider()));
        providers.addAll(DeviceRegistry.localProviders());
        registry = new DeviceRegistry(model, providers, () -> new SharedLus.Settings(id, beat));
    }

    LuSharing sharing() {
        return registry.sharing(so).orElse(LuSharing.PENDING);
    }

    Initiator login() {
        ScsiFixture.waitUntil(() -> registry.unit(so).map(u -> u.ready()).orElse(false), iqn + " LU ready",
                Duration.ofSeconds(30));
        initiator = new Initiator(registry, INITIATOR, "23d000000001", iqn, 1).ready(0);
        return initiator;
    }

    byte[] vpd(int page) {
        Initiator.Result r = initiator.run(0, Initiator.inquiry(true, page, 255), 255);
        assertThat(r.status()).as("INQUIRY VPD %x through %s: %s", page, iqn, r.sense()).isZero();
        return r.data();
    }

    @Override
    public void close() {
        registry.close();
    }
}
