package io.glio.engine.model;

import io.glio.engine.model.ModelEvent.LunAdded;
import io.glio.engine.model.ModelEvent.StorageObjectAdded;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelEventsTest {

    private final TargetModel model = TestEnv.model();
    private final TestEnv.Recorder recorder = TestEnv.record(model);

    @Test
    void eachSuccessfulChangeIsDeliveredInOrder() {
        StorageObject so = model.createRamdisk("rd1", 4096, false, null);
        Target t = model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1");
        Tpg tpg = model.createTpg(t, null);
        model.setTpgEnabled(tpg, true);
        model.setTpgAttribute(tpg, "authentication", "0");
        Portal p = model.createPortal(tpg, "0.0.0.0", 3260);
        Lun lun = model.createLun(tpg, null, so, null);
        NodeAcl acl = model.createNodeAcl(tpg, "iqn.1994-05.com.redhat:c1");
        MappedLun m = model.createMappedLun(acl, 0, 0, false, null);
        model.setDiscoveryAuthEnabled(true);

        assertThat(recorder.events).containsExactly(
                new ModelEvent.StorageObjectAdded(so),
                new ModelEvent.TargetAdded(t),
                new ModelEvent.TpgAdded(tpg),
                new ModelEvent.TpgEnabled(tpg),
                new ModelEvent.TpgChanged(tpg, ModelEvent.Aspect.ATTRIBUTES),
                new ModelEvent.PortalAdded(p),
                new ModelEvent.LunAdded(lun),
                new ModelEvent.NodeAclAdded(acl),
                new ModelEvent.MappedLunAdded(m),
                new ModelEvent.DiscoveryAuthChanged(model.discoveryAuth()));
    }

    @Test
    void aFailedChangeDeliversNothing() {
        model.createRamdisk("rd1", 4096, false, null);
        recorder.events.clear();

        assertThatThrownBy(() -> model.createRamdisk("rd1", 4096, false, null)).isInstanceOf(ModelException.class);
        Target t = model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1");
        recorder.events.clear();
        assertThatThrownBy(() -> model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1"));
        assertThatThrownBy(() -> model.createTpg(t, -1));
        assertThatThrownBy(() -> model.deleteTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t2"));

        assertThat(recorder.events).isEmpty();
    }

    @Test
    void noOpChangesDeliverNothing() {
        Tpg tpg = model.createTpg(model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1"), 1);
        recorder.events.clear();
        model.setTpgEnabled(tpg, false);
        assertThat(recorder.events).isEmpty();
    }

    @Test
    void deletingATargetDeliversChildrenFirstAsRtslibDeletesThem() {
        StorageObject so = model.createRamdisk("rd1", 4096, false, null);
        Target t = model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1");
        Tpg tpg = model.createTpg(t, 1);
        model.setTpgEnabled(tpg, true);
        model.createPortal(tpg, "0.0.0.0", 3260);
        model.createLun(tpg, 0, so, null);
        NodeAcl acl = model.createNodeAcl(tpg, "iqn.1994-05.com.redhat:c1");
        model.createMappedLun(acl, 0, 0, false, null);
        recorder.events.clear();

        model.deleteTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1");

        assertThat(recorder.names()).containsExactly("TpgDisabled", "MappedLunRemoved", "NodeAclRemoved",
                "LunRemoved", "PortalRemoved", "TpgRemoved", "TargetRemoved");
        assertThat(so.activated()).isFalse();
    }

    @Test
    void deletingAStorageObjectDeliversItsLunsFirst() {
        StorageObject so = model.createRamdisk("rd1", 4096, false, null);
        Tpg tpg = model.createTpg(model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1"), 1);
        model.createLun(tpg, 0, so, null);
        recorder.events.clear();

        model.deleteStorageObject(so);

        assertThat(recorder.names()).containsExactly("LunRemoved", "StorageObjectRemoved");
    }

    @Test
    void aRestoreDeliversObjectsInFileOrderAndEnablesTpgsLast() throws Exception {
        model.restoreFromFile(TestEnv.fixture("example.json"), RestoreOptions.ALL);

        List<String> names = recorder.names();
        assertThat(names.subList(0, 3)).containsOnly("StorageObjectAdded");
        assertThat(names).containsSubsequence("DiscoveryAuthChanged", "TargetAdded", "TpgAdded", "LunAdded",
                "PortalAdded", "NodeAclAdded", "MappedLunAdded", "TpgEnabled");
        List<String> added = new ArrayList<>();
        for (ModelEvent e : recorder.events) {
            if (e instanceof StorageObjectAdded a) {
                added.add(a.storageObject().name());
            }
            if (e instanceof LunAdded l) {
                assertThat(added).contains(l.lun().storageObject().name());
            }
        }
        assertThat(added).containsExactly("gvol1", "rd0", "disk1");
    }

    @Test
    void listenersMayReadTheModelWhileBeingCalled() {
        List<Integer> counts = new ArrayList<>();
        model.addListener(e -> counts.add(model.storageObjects().size()));
        StorageObject so = model.createRamdisk("rd1", 4096, false, null);
        model.deleteStorageObject(so);
        assertThat(counts).containsExactly(1, 0);
    }

    @Test
    void aListenerMayMakeAQuickChangeAndItsEventFollowsTheCurrentOnes() {
        model.addListener(e -> {
            if (e instanceof StorageObjectAdded a) {
                model.setStorageObjectAttribute(a.storageObject(), "emulate_model_alias", "0");
            }
        });
        StorageObject so = model.createUser("g", 4096, "glfs/v@h/f", null, null, null);
        model.createRamdisk("rd", 4096, false, null);

        assertThat(recorder.events).containsExactly(
                new ModelEvent.StorageObjectAdded(so),
                new ModelEvent.StorageObjectChanged(so, ModelEvent.StorageObjectAspect.ATTRIBUTES),
                new ModelEvent.StorageObjectAdded(model.storageObject(Plugin.RAMDISK, "rd").orElseThrow()),
                new ModelEvent.StorageObjectChanged(model.storageObject(Plugin.RAMDISK, "rd").orElseThrow(),
                        ModelEvent.StorageObjectAspect.ATTRIBUTES));
        assertThat(so.attributes().get("emulate_model_alias")).hasValue("0");
    }

    @Test
    void aFailingListenerNeitherUndoesTheChangeNorStopsTheOthers() {
        TargetModel m = TestEnv.model();
        m.addListener(e -> {
            throw new IllegalStateException("listener bug");
        });
        TestEnv.Recorder after = TestEnv.record(m);
        m.createRamdisk("rd", 4096, false, null);
        assertThat(m.storageObjects()).hasSize(1);
        assertThat(after.names()).containsExactly("StorageObjectAdded");
    }

    @Test
    void removedListenersAreNotCalled() {
        model.removeListener(recorder);
        model.createRamdisk("rd1", 4096, false, null);
        assertThat(recorder.events).isEmpty();
    }
}
