package io.glio.engine.model;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InitiatorAccessTest {

    private final TargetModel model = TestEnv.model();
    private Tpg tpg;

    @BeforeEach
    void setUp() {
        tpg = model.createTpg(model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1"), 1);
        model.createLun(tpg, 0, model.createRamdisk("a", 4096, false, null), null);
        model.createLun(tpg, 5, model.createRamdisk("b", 4096, false, null), null);
    }

    @Test
    void anInitiatorWithoutAclHasNoAccessOutsideDemoMode() {
        assertThat(InitiatorAccess.resolve(tpg, "iqn.1994-05.com.redhat:c1")).isEmpty();
    }

    @Test
    void anAclGivesItsMappedLunsWithTheirWriteProtection() {
        NodeAcl acl = model.createNodeAcl(tpg, "iqn.1994-05.com.redhat:c1");
        model.createMappedLun(acl, 3, 0, false, null);
        model.createMappedLun(acl, 4, 5, true, null);
        model.setNodeAclAuth(acl, AuthField.USERID, "u");

        InitiatorAccess access = InitiatorAccess.resolve(tpg, "IQN.1994-05.com.redhat:C1").orElseThrow();

        assertThat(access.dynamic()).isFalse();
        assertThat(access.luns()).extracting(InitiatorAccess.InitiatorLun::lun).containsExactly(3, 4);
        assertThat(access.lun(3).orElseThrow().readOnly()).isFalse();
        assertThat(access.lun(4).orElseThrow().readOnly()).isTrue();
        assertThat(access.lun(4).orElseThrow().tpgLun().index()).isEqualTo(5);
        assertThat(access.authenticationRequired()).isTrue();
        assertThat(access.credentials().userid()).isEqualTo("u");
    }

    @Test
    void prodModeWriteProtectMakesEveryAclLunReadOnly() {
        NodeAcl acl = model.createNodeAcl(tpg, "iqn.1994-05.com.redhat:c1");
        model.createMappedLun(acl, 0, 0, false, null);
        model.setTpgAttribute(tpg, "prod_mode_write_protect", "1");
        assertThat(InitiatorAccess.resolve(tpg, "iqn.1994-05.com.redhat:c1").orElseThrow().luns())
                .allMatch(InitiatorAccess.InitiatorLun::readOnly);
    }

    @Test
    void demoModeMapsEveryTpgLunForInitiatorsWithoutAclUsingTheTpgCredentials() {
        model.setTpgAttribute(tpg, "generate_node_acls", "1");
        model.setTpgAttribute(tpg, "demo_mode_write_protect", "0");
        model.setTpgAttribute(tpg, "authentication", "0");
        model.setTpgAuth(tpg, AuthField.USERID, "tpguser");

        InitiatorAccess access = InitiatorAccess.resolve(tpg, "iqn.1994-05.com.redhat:any").orElseThrow();

        assertThat(access.dynamic()).isTrue();
        assertThat(access.luns()).extracting(InitiatorAccess.InitiatorLun::lun).containsExactly(0, 5);
        assertThat(access.luns()).noneMatch(InitiatorAccess.InitiatorLun::readOnly);
        assertThat(access.authenticationRequired()).isFalse();
        assertThat(access.credentials().userid()).isEqualTo("tpguser");
    }

    @Test
    void demoModeIsReadOnlyByDefault() {
        model.setTpgAttribute(tpg, "generate_node_acls", "1");
        assertThat(InitiatorAccess.resolve(tpg, "iqn.1994-05.com.redhat:any").orElseThrow().luns())
                .allMatch(InitiatorAccess.InitiatorLun::readOnly);
    }
}
