package io.glio.engine.runtime;

import io.glio.engine.backing.BackingStore;
import io.glio.engine.backing.BackingStoreProvider;
import io.glio.engine.backing.StoreState;
import io.glio.engine.backing.ram.RamdiskBackingStore;
import io.glio.engine.model.Plugin;
import io.glio.engine.model.StorageObject;
import io.glio.engine.scsi.ScsiCompletion;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryTest extends FixtureTest {

    final SwitchableRamdiskProvider switchable = new SwitchableRamdiskProvider();
    /** Opens the ramdisk "held" only when the test completes this future. */
    final CompletableFuture<BackingStore> held = new CompletableFuture<>();

    @Override
    List<BackingStoreProvider> extraProviders() {
        return List.of(switchable, new BackingStoreProvider() {
            @Override
            public boolean handles(StorageObject so) {
                return so.plugin() == Plugin.RAMDISK && so.name().equals("held");
            }

            @Override
            public BackingStore open(StorageObject so) {
                throw new UnsupportedOperationException("opened through openAsync only");
            }

            @Override
            public CompletableFuture<BackingStore> openAsync(StorageObject so) {
                return held;
            }
        });
    }

    @Test
    void aStoreStillOpeningIsNotConnectedAndServesOnceItArrives() {
        StorageObject so = fx.model.createRamdisk("held", 1 << 20, false, null);
        fx.model.createLun(fx.tpg, 5, so, null);
        fx.model.createMappedLun(fx.acl1, 5, 5, false, null);
        Initiator i = fx.first().ready(5);

        assertThat(fx.registry.state(so)).hasValue(StoreState.connecting("opening"));
        assertThat(fx.registry.state(so).orElseThrow().description()).isEqualTo("not connected: opening");
        assertThat(i.run(5, new byte[6], 0).sense()).isEqualTo("2/04/0b");

        held.complete(new RamdiskBackingStore(1 << 20));
        fx.awaitReady(so);
        assertThat(fx.registry.state(so)).hasValue(StoreState.CONNECTED_STATE);
        assertThat(i.run(5, new byte[6], 0).status()).isEqualTo(ScsiCompletion.GOOD);
    }

    @Test
    void aStoreThatArrivesAfterItsObjectWasDeletedIsClosed() {
        StorageObject so = fx.model.createRamdisk("held", 1 << 20, false, null);
        fx.model.deleteStorageObject(so);
        AtomicBoolean closed = new AtomicBoolean();

        held.complete(new ForwardingStore(new RamdiskBackingStore(1 << 20)) {
            @Override
            public void close() {
                closed.set(true);
                super.close();
            }
        });

        ScsiFixture.waitUntil(closed::get, "the late store closed"); // the open may still be queued
        assertThat(fx.registry.state(so)).isEmpty();
        assertThat(fx.registry.unit(so)).isEmpty();
    }

    @Test
    void objectWithoutAStoreShowsWhyBesideTheModelAndAnswersNotReady() {
        StorageObject user = fx.model.createUser("nostore", 1L << 20, "glfs/vol@host/a.img", null, null, null);
        fx.model.createLun(fx.tpg, 3, user, null);
        fx.model.createMappedLun(fx.acl1, 3, 3, false, null);
        Initiator i = fx.first().ready(3);

        ScsiFixture.waitUntil(() -> fx.registry.state(user).filter(s -> s.kind() == StoreState.Kind.UNAVAILABLE)
                .isPresent(), "store state of " + user);

        assertThat(fx.registry.state(user).orElseThrow().description())
                .isEqualTo("not available: no backing store for user/nostore");
        assertThat(user.runtimeStatus()).isEmpty();
        assertThat(i.run(3, new byte[6], 0).sense()).isEqualTo("2/04/0b");
    }

    @Test
    void storeReadinessIsPublishedAndAnsweredToTestUnitReady() {
        StorageObject so = fx.model.createRamdisk(SwitchableRamdiskProvider.NAME, 1 << 20, false, null);
        fx.model.createLun(fx.tpg, 4, so, null);
        fx.model.createMappedLun(fx.acl1, 4, 4, false, null);
        fx.awaitReady(so);
        Initiator i = fx.first().ready(4);

        switchable.setReady(false);

        assertThat(fx.registry.state(so)).hasValue(StoreState.notConnected("ENOTCONN"));
        assertThat(i.run(4, new byte[6], 0).sense()).isEqualTo("2/04/0b");
        switchable.setReady(true);
        assertThat(fx.registry.state(so)).hasValue(StoreState.CONNECTED_STATE);
        assertThat(i.run(4, new byte[6], 0).status()).isEqualTo(ScsiCompletion.GOOD);
    }

    @Test
    void deletingAStorageObjectTakesItsLunAwayFromTheNexus() {
        Initiator i = fx.first();

        fx.model.deleteStorageObject(fx.fileio);

        assertThat(i.run(0, new byte[6], 0).sense()).isEqualTo("6/3f/0e");
        assertThat(i.run(1, new byte[6], 0).sense()).isEqualTo("5/25/00");
        assertThat(fx.registry.unit(fx.fileio)).isEmpty();
    }

    @Test
    void demoModeTpgServesEveryLunReadOnly() {
        fx.model.setTpgAttribute(fx.tpg, "generate_node_acls", "1");
        Initiator guest = fx.login("iqn.1994-05.com.example:guest", "000000000042").ready(0);

        assertThat(guest.run(0, Initiator.read16(0, 1), 512).status()).isEqualTo(ScsiCompletion.GOOD);
        assertThat(guest.write(0, Initiator.write16(0, 1), new byte[512]).sense()).isEqualTo("7/27/00");
    }
}
