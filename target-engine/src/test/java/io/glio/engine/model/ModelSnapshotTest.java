package io.glio.engine.model;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The published snapshot: equal to a full rebuild after every kind of change, rebuilt per target. */
class ModelSnapshotTest {

    private final TargetModel model = TestEnv.model();

    /** The incremental snapshot must be what snapshotting the whole model gives. */
    private void assertSnapshotIsCurrent() {
        synchronized (model) {
            assertThat(model.snapshot().targets()).isEqualTo(ModelSnapshot.of(model).targets());
            assertThat(model.snapshot().discoveryAuth()).isEqualTo(model.discoveryAuth());
        }
    }

    @Test
    void everyKindOfChangeIsInTheNextSnapshot() {
        StorageObject rd = model.createRamdisk("rd", 1 << 20, false, null);
        Target t = model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1");
        Tpg tpg = model.createTpg(t, 1);
        assertSnapshotIsCurrent();
        model.createPortal(tpg, "127.0.0.1", 3260);
        model.setPortalIser(tpg.portals().get(0), true);
        model.createLun(tpg, 0, rd, null);
        model.setTpgEnabled(tpg, true);
        model.setTpgAttribute(tpg, "generate_node_acls", "1");
        model.setTpgParameter(tpg, "MaxRecvDataSegmentLength", "65536");
        model.setTpgAuth(tpg, AuthField.USERID, "u");
        assertSnapshotIsCurrent();
        NodeAcl acl = model.createNodeAcl(tpg, "iqn.1994-05.com.redhat:c1");
        model.createMappedLun(acl, 3, 0, false, null);
        model.setMappedLunWriteProtect(acl.mappedLuns().get(0), true);
        model.setNodeAclAuth(acl, AuthField.PASSWORD, "secret");
        assertSnapshotIsCurrent();
        model.createAluaGroup(rd, "second", 7);
        model.setLunAluaGroup(tpg.luns().get(0), "second");
        model.setAluaParameter(rd.aluaGroup("second").orElseThrow(), "alua_access_state", 1);
        assertSnapshotIsCurrent();
        assertThat(model.snapshot().targets().get(0).tpg(1).orElseThrow().luns().get(0).aluaAccessState())
                .isEqualTo(1);
        model.setDiscoveryAuthEnabled(true);
        model.deleteMappedLun(acl, 3);
        model.deleteStorageObject(rd);
        assertSnapshotIsCurrent();
        model.deleteTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1");
        assertSnapshotIsCurrent();
        assertThat(model.snapshot().targets()).isEmpty();
    }

    @Test
    void aChangeRebuildsOnlyItsTarget() {
        Tpg one = model.createTpg(model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1"), 1);
        model.createTpg(model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t2"), 1);
        ModelSnapshot before = model.snapshot();

        model.createLun(one, 0, model.createRamdisk("rd", 4096, false, null), null);

        ModelSnapshot after = model.snapshot();
        assertThat(after).isNotSameAs(before);
        assertThat(after.targets().get(0)).isNotSameAs(before.targets().get(0));
        assertThat(after.targets().get(1)).isSameAs(before.targets().get(1));
        assertThat(after.targets().get(0).tpg(1).orElseThrow().luns()).hasSize(1);
        assertSnapshotIsCurrent();
    }

    @Test
    void aChangeThatFailsOrTouchesNoTargetPublishesNothing() {
        model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1");
        ModelSnapshot before = model.snapshot();
        model.createRamdisk("rd", 4096, false, null);
        try {
            model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1");
        } catch (ModelException expected) {
            // already exists
        }
        assertThat(model.snapshot()).isSameAs(before);
    }

    @Test
    void listenersSeeTheChangeInTheSnapshot() {
        AtomicReference<ModelSnapshot> seen = new AtomicReference<>();
        model.addListener(e -> {
            if (e instanceof ModelEvent.TargetAdded) {
                seen.set(model.snapshot());
            }
        });
        model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1");
        assertThat(seen.get().target(Fabric.ISCSI, "iqn.2003-01.org.x:t1")).isPresent();
    }

    @Test
    void aRestoreIsInTheSnapshot() throws Exception {
        model.restoreFromFile(TestEnv.fixture("multi-target-chap-eui.json"), RestoreOptions.ALL);
        assertSnapshotIsCurrent();
        model.clear();
        assertSnapshotIsCurrent();
        assertThat(model.snapshot().targets()).isEmpty();
    }
}
