package io.glio.engine.runtime;

import io.glio.engine.iscsi.IscsiServer;
import io.glio.engine.model.Fabric;
import io.glio.engine.model.StorageObject;
import io.glio.engine.model.TargetModel;
import io.glio.engine.model.Tpg;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11's scale goal: with 10,000 ramdisk LUNs across 10 targets served by the engine, one
 * more create (storage object + LUN, events delivered, snapshot published) takes under 50 ms.
 */
class ModelScaleTest {

    private static final int TARGETS = 10;
    private static final int LUNS_PER_TARGET = 1000;

    @Test
    void oneMoreCreateAtTenThousandLunsTakesUnderFiftyMilliseconds() {
        TargetModel model = new TargetModel();
        List<Tpg> tpgs = new ArrayList<>();
        for (int t = 0; t < TARGETS; t++) {
            Tpg tpg = model.createTpg(model.createTarget(Fabric.ISCSI, "iqn.2026-11.io.glio:scale" + t), 1);
            model.setTpgAttribute(tpg, "generate_node_acls", "1");
            model.setTpgEnabled(tpg, true);
            tpgs.add(tpg);
        }
        try (DeviceRegistry devices = new DeviceRegistry(model, DeviceRegistry.localProviders());
             IscsiServer server = new IscsiServer(model, devices)) {
            server.start();
            for (int i = 0; i < TARGETS * LUNS_PER_TARGET; i++) {
                create(model, tpgs.get(i % TARGETS), "rd" + i, i / TARGETS);
            }
            long[] millis = new long[21];
            for (int i = 0; i < millis.length; i++) {
                long start = System.nanoTime();
                create(model, tpgs.get(i % TARGETS), "more" + i, LUNS_PER_TARGET + i);
                millis[i] = (System.nanoTime() - start) / 1_000_000;
            }
            Arrays.sort(millis);
            System.out.printf("one more create at %d LUNs: median %d ms, max %d ms%n",
                    TARGETS * LUNS_PER_TARGET, millis[millis.length / 2], millis[millis.length - 1]);
            assertThat(millis[millis.length / 2]).isLessThan(50);
            assertThat(model.snapshot().targets(Fabric.ISCSI).get(0).tpg(1).orElseThrow().luns())
                    .hasSize(LUNS_PER_TARGET + 3);
        }
    }

    private static void create(TargetModel model, Tpg tpg, String name, int lun) {
        StorageObject so = model.createRamdisk(name, 4096, false, null);
        model.createLun(tpg, lun, so, null);
    }
}
