package io.glio.engine.runtime;

import io.glio.engine.backing.BackingStoreProvider;
import io.glio.engine.model.StorageObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;

/**
 * A {@link FixtureTest} with one more LUN, {@link #LUN}: a 1 MiB ramdisk whose writes wait for
 * the test to open {@link #gated}'s gate (opened after every test), mapped for the first initiator.
 */
abstract class GatedLunTest extends FixtureTest {

    static final int LUN = 5;

    final GatedRamdiskProvider gated = new GatedRamdiskProvider();
    Initiator init;

    @Override
    List<BackingStoreProvider> extraProviders() {
        return List.of(gated);
    }

    @BeforeEach
    void serveTheGatedLun() {
        StorageObject so = fx.model.createRamdisk(GatedRamdiskProvider.NAME, 1 << 20, false, null);
        fx.model.createLun(fx.tpg, LUN, so, null);
        fx.model.createMappedLun(fx.acl1, LUN, LUN, false, null);
        fx.awaitReady(so);
        init = fx.first().ready(LUN);
    }

    @AfterEach
    void openGate() {
        gated.gate.complete(null);
    }
}
