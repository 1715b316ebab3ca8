package io.glio.engine.runtime;

import io.glio.engine.backing.BackingStoreProvider;
import io.glio.engine.model.Fabric;
import io.glio.engine.model.NodeAcl;
import io.glio.engine.model.StorageObject;
import io.glio.engine.model.Target;
import io.glio.engine.model.TargetModel;
import io.glio.engine.model.Tpg;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real model with an iSCSI target (TPG 1), a ramdisk as LUN 0 and a fileio file in a temp
 * folder as LUN 1, both mapped for two initiators, and a registry serving them.
 */
final class ScsiFixture implements AutoCloseable {

    static final String TARGET = "iqn.2003-01.org.linux-iscsi.test:sn.1";
    static final String INITIATOR_1 = "iqn.2007-10.com.github:sahlberg:libiscsi:iscsi-test";
    static final String INITIATOR_2 = "iqn.2007-10.com.github:sahlberg:libiscsi:iscsi-test-2";
    static final String RD_WWN = "653e4072-8aad-4e9d-900e-4059f0e19e7e";
    static final long RD_SIZE = 8L << 20;
    static final long FILE_SIZE = 4L << 20;

    final TargetModel model;
    final StorageObject ramdisk;
    final StorageObject fileio;
    final Tpg tpg;
    final NodeAcl acl1;
    final NodeAcl acl2;
    final DeviceRegistry registry;
    private final List<Initiator> initiators = new ArrayList<>();

    ScsiFixture(Path folder) {
        this(folder, List.of());
    }

    ScsiFixture(Path folder, List<BackingStoreProvider> extraProviders) {
        this(folder, extraProviders, new TargetModel());
    }

    /** As {@link #ScsiFixture(Path, List)} on {@code model} (one with a probe of its own, say). */
    ScsiFixture(Path folder, List<BackingStoreProvider> extraProviders, TargetModel model) {
        this.model = model;
        ramdisk = model.createRamdisk("rd0", RD_SIZE, false, RD_WWN);
        fileio = model.createFileio("file0", folder.resolve("file0.img").toString(), Long.toString(FILE_SIZE),
                false, true, null).storageObject();
        Target target = model.createTarget(Fabric.ISCSI, TARGET);
        tpg = model.createTpg(target, 1);
        model.createLun(tpg, 0, ramdisk, null);
        model.createLun(tpg, 1, fileio, null);
        acl1 = model.createNodeAcl(tpg, INITIATOR_1);
        acl2 = model.createNodeAcl(tpg, INITIATOR_2);
        for (NodeAcl acl : List.of(acl1, acl2)) {
            model.createMappedLun(acl, 0, 0, false, null);
            model.createMappedLun(acl, 1, 1, false, null);
        }
        List<BackingStoreProvider> providers = new ArrayList<>(extraProviders);
        providers.addAll(DeviceRegistry.localProviders());
        registry = new DeviceRegistry(model, providers);
        awaitReady(ramdisk);
        awaitReady(fileio);
    }

    void awaitReady(StorageObject so) {
        waitUntil(() -> registry.unit(so).map(u -> u.ready()).orElse(false), so + " ready");
    }

    /** Polls every 2 ms for up to 10 s; fails naming what never happened. */
    static void waitUntil(java.util.function.BooleanSupplier condition, String what) {
        waitUntil(condition, what, java.time.Duration.ofSeconds(10));
    }

    /** Polls every 2 ms for up to {@code limit}; fails naming what never happened. */
    static void waitUntil(java.util.function.BooleanSupplier condition, String what, java.time.Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            pause();
        }
    }

    Initiator login(String initiatorName, String isid) {
        Initiator i = new Initiator(registry, initiatorName, isid, TARGET, 1);
        initiators.add(i);
        return i;
    }

    Initiator first() {
        return login(INITIATOR_1, "23d000000001").ready(0).ready(1);
    }

    Initiator second() {
        return login(INITIATOR_2, "23d000000002").ready(0).ready(1);
    }

    @Override
    public void close() {
        initiators.forEach(i -> i.executor.nexusLost());
        registry.close();
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
