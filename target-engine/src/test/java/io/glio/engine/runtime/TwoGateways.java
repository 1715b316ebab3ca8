package io.glio.engine.runtime;

import io.glio.engine.backing.BackingStoreProvider;
import io.glio.engine.backing.glfs.GlfsBackingStoreProvider;
import io.glio.engine.model.DeviceProbe;
import io.glio.engine.model.Fabric;
import io.glio.engine.model.ModelEnvironment;
import io.glio.engine.model.NodeAcl;
import io.glio.engine.model.StorageObject;
import io.glio.engine.model.Target;
import io.glio.engine.model.TargetModel;
import io.glio.engine.model.Tpg;
import io.glio.gfapi.GlusterTestVolume;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Two gateways in one JVM exporting one file of the test volume as one LU (same wwn): each has
 * its own model, {@link DeviceRegistry} and {@link GlfsBackingStoreProvider}, so its own gluster
 * connection, as two gateway processes would. Each serves LUN 0 to one in-process initiator.
 */
final class TwoGateways implements AutoCloseable {

    static final String TARGET = "iqn.2026-12.io.glio:coherent";
    static final String INITIATOR = "iqn.2026-12.io.glio:coherent-client";
    static final String WWN = "0b4e8f2a-3c1d-4e5f-9a6b-7c8d9e0f1a2b";
    static final int BLOCK = 512;

    /** One gateway: its model's object and the initiator's nexus through it. */
    static final class Gateway implements AutoCloseable {
        final TargetModel model = new TargetModel(
                new ModelEnvironment("gw.example.com", "x86_64", UUID::randomUUID, DeviceProbe.system()));
        final StorageObject so;
        final DeviceRegistry registry;
        final Initiator initiator;

        Gateway(String id, String config, long size, String emulateWriteCache, String isid) {
            so = model.createUser("lu", size, config, WWN, "2048", null);
            model.setStorageObjectAttribute(so, "emulate_write_cache", emulateWriteCache);
            Target target = model.createTarget(Fabric.ISCSI, TARGET);
            Tpg tpg = model.createTpg(target, 1);
            model.createLun(tpg, 0, so, null);
            NodeAcl acl = model.createNodeAcl(tpg, INITIATOR);
            model.createMappedLun(acl, 0, 0, false, null);
            List<BackingStoreProvider> providers = new ArrayList<>();
            providers.add(new GlfsBackingStoreProvider());
            providers.addAll(DeviceRegistry.localProviders());
            // An id of its own (the default reads TARGETCLI_HOME, the same for both gateways).
            registry = new DeviceRegistry(model, providers, () -> new SharedLus.Settings(id, Duration.ofSeconds(2)));
            ScsiFixture.waitUntil(() -> registry.unit(so).map(u -> u.ready()).orElse(false), so + " ready",
                    Duration.ofSeconds(30));
            initiator = new Initiator(registry, INITIATOR, isid, TARGET, 1).ready(0);
        }

        @Override
        public void close() {
            initiator.executor.nexusLost();
            registry.close();
        }
    }

    final String path;
    final Gateway a;
    final Gateway b;

    /** Both gateways on a fresh file of {@code size} bytes, with the given {@code emulate_write_cache}. */
    TwoGateways(GlusterTestVolume volume, long size, String emulateWriteCache) {
        path = GlusterTestVolume.scratchName("coherent");
        String config = "glfs/" + volume.volume() + "@" + volume.host() + "/" + path;
        a = new Gateway("coherent-a", config, size, emulateWriteCache, "23d000000001");
        b = new Gateway("coherent-b", config, size, emulateWriteCache, "23d000000002");
    }

    @Override
    public void close() {
        a.close();
        b.close();
    }
}
