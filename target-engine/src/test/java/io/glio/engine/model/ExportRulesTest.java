package io.glio.engine.model;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportRulesTest {

    private final TargetModel model = TestEnv.model();
    private Tpg tpg;
    private StorageObject rd1;
    private StorageObject rd2;

    @BeforeEach
    void setUp() {
        rd1 = model.createRamdisk("rd1", 1 << 20, false, null);
        rd2 = model.createRamdisk("rd2", 1 << 20, false, null);
        tpg = model.createTpg(model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1"), 1);
    }

    @Test
    void lunIndexMustBeInRange() {
        assertThatThrownBy(() -> model.createLun(tpg, 70000, rd1, null))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("LUN must be 0 to 65535");
        assertThatThrownBy(() -> model.createLun(tpg, -1, rd1, null)).hasMessage("LUN must be 0 to 65535");
        assertThat(tpg.luns()).isEmpty();
    }

    @Test
    void lunIndexIsUniqueInATpg() {
        model.createLun(tpg, 3, rd1, null);
        assertThatThrownBy(() -> model.createLun(tpg, 3, rd2, null))
                .isInstanceOf(AlreadyExistsException.class)
                .hasMessage("This LUN already exists in configFS");
    }

    @Test
    void lunWithoutIndexTakesTheLowestFree() {
        model.createLun(tpg, 0, rd1, null);
        model.createLun(tpg, 2, rd2, null);
        assertThat(model.createLun(tpg, null, rd1, null).index()).isEqualTo(1);
    }

    @Test
    void lunAliasIsTenHexCharactersAndLunStartsInTheDefaultAluaGroup() {
        Lun lun = model.createLun(tpg, null, rd1, null);
        assertThat(lun.alias()).matches("[0-9a-f]{10}");
        assertThat(lun.aluaGroupName()).hasValue("default_tg_pt_gp");
        assertThat(lun.configfsPath()).isEqualTo("/sys/kernel/config/target/iscsi/iqn.2003-01.org.x:t1/tpgt_1/lun/lun_0");
        assertThat(tpg.lunFor(rd1)).containsSame(lun);
    }

    @Test
    void lunAliasMayNotContainASlash() {
        assertThatThrownBy(() -> model.createLun(tpg, 0, rd1, "a/b"))
                .hasMessage("('Invalid alias: %s', 'a/b')");
    }

    @Test
    void lunMustPointAtAnExistingStorageObject() {
        model.deleteStorageObject(rd2);
        assertThatThrownBy(() -> model.createLun(tpg, 0, rd2, null))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("storage_object does not exist in configFS");
    }

    @Test
    void deletingAMissingLunNamesItsConfigfsPath() {
        assertThatThrownBy(() -> model.deleteLun(tpg, 4))
                .hasMessage("No such LUN in configfs: /sys/kernel/config/target/iscsi/iqn.2003-01.org.x:t1/tpgt_1/lun/lun_4");
    }

    @Test
    void deletingALunDeletesTheMappedLunsPointingAtIt() {
        model.createLun(tpg, 0, rd1, null);
        model.createLun(tpg, 1, rd2, null);
        NodeAcl acl = model.createNodeAcl(tpg, "iqn.1994-05.com.redhat:c1");
        model.createMappedLun(acl, 0, 0, false, null);
        model.createMappedLun(acl, 1, 1, true, null);

        model.deleteLun(tpg, 0);

        assertThat(acl.mappedLuns()).extracting(MappedLun::index).containsExactly(1);
        assertThat(rd1.activated()).isFalse();
        assertThat(rd2.activated()).isTrue();
    }

    @Test
    void invalidAclWwnIsRefused() {
        assertThatThrownBy(() -> model.createNodeAcl(tpg, "bad_wwn"))
                .hasMessage("WWN not valid as: iqn, naa, eui");
    }

    @Test
    void aclIsUniquePerNormalisedWwn() {
        NodeAcl acl = model.createNodeAcl(tpg, "iqn.1994-05.com.redhat:c1");
        assertThatThrownBy(() -> model.createNodeAcl(tpg, "IQN.1994-05.COM.REDHAT:C1"))
                .isInstanceOf(AlreadyExistsException.class)
                .hasMessage("This NodeACL already exists in configFS");
        assertThat(acl.attributes().get("dataout_timeout")).hasValue("3");
        assertThat(tpg.nodeAcl("iqn.1994-05.com.redhat:c1")).containsSame(acl);
    }

    @Test
    void loopbackHasNoAcls() {
        Tpg loop = model.createTarget(Fabric.LOOPBACK, null).tpgs().get(0);
        assertThatThrownBy(() -> model.createNodeAcl(loop, "naa.5001405abcdef012"))
                .hasMessage("Could not create NodeACL in configFS");
    }

    @Test
    void deletingAMissingAclNamesItsConfigfsPath() {
        assertThatThrownBy(() -> model.deleteNodeAcl(tpg, "iqn.1994-05.com.redhat:nosuch"))
                .hasMessage("No such NodeACL in configfs: "
                        + "/sys/kernel/config/target/iscsi/iqn.2003-01.org.x:t1/tpgt_1/acls/iqn.1994-05.com.redhat:nosuch");
    }

    @Test
    void aclTagMayNotContainADot() {
        NodeAcl acl = model.createNodeAcl(tpg, "iqn.1994-05.com.redhat:c1");
        assertThatThrownBy(() -> model.setNodeAclTag(acl, "web.1"))
                .hasMessage("'.' not permitted in group names.");
        model.setNodeAclTag(acl, "web");
        assertThat(acl.tag()).hasValue("web");
        model.setNodeAclTag(acl, null);
        assertThat(acl.tag()).isEmpty();
    }

    @Test
    void aclChapIsKeptPerAcl() {
        NodeAcl acl = model.createNodeAcl(tpg, "iqn.1994-05.com.redhat:c1");
        model.setNodeAclAuth(acl, AuthField.USERID, "u1");
        model.setNodeAclAuth(acl, AuthField.PASSWORD, "p1");
        model.setNodeAclAuth(acl, AuthField.MUTUAL_USERID, "m1");
        model.setNodeAclAuth(acl, AuthField.MUTUAL_PASSWORD, "mp1");
        assertThat(acl.chap().isMutual()).isTrue();
        assertThat(acl.chap().toString()).doesNotContain("p1");
    }

    @Test
    void mappedLunIndexMustBeInRange() {
        model.createLun(tpg, 0, rd1, null);
        NodeAcl acl = model.createNodeAcl(tpg, "iqn.1994-05.com.redhat:c1");
        assertThatThrownBy(() -> model.createMappedLun(acl, 256, 0, false, null))
                .hasMessage("Mapped LUN must be 0 to 255");
    }

    @Test
    void mappedLunIndexIsUniqueInAnAcl() {
        model.createLun(tpg, 0, rd1, null);
        NodeAcl acl = model.createNodeAcl(tpg, "iqn.1994-05.com.redhat:c1");
        model.createMappedLun(acl, 3, 0, false, null);
        assertThatThrownBy(() -> model.createMappedLun(acl, 3, 0, false, null))
                .isInstanceOf(AlreadyExistsException.class)
                .hasMessage("This MappedLUN already exists in configFS");
    }

    @Test
    void mappedLunMustPointAtAnExistingTpgLun() {
        NodeAcl acl = model.createNodeAcl(tpg, "iqn.1994-05.com.redhat:c1");
        assertThatThrownBy(() -> model.createMappedLun(acl, 5, 99, false, null))
                .hasMessage("LUN 99 does not exist in this TPG");
        assertThat(acl.mappedLuns()).isEmpty();
    }

    @Test
    void deletingAMissingMappedLunNamesTheObjectsNotAConfigfsPath() {
        NodeAcl acl = model.createNodeAcl(tpg, "iqn.1994-05.com.redhat:c1");
        assertThatThrownBy(() -> model.deleteMappedLun(acl, 9))
                .hasMessage("No mapped LUN 9 in node ACL iqn.1994-05.com.redhat:c1 (target iqn.2003-01.org.x:t1, TPG 1)");
    }

    @Test
    void mappedLunKeepsItsWriteProtectFlagAndTpgLun() {
        Lun lun = model.createLun(tpg, 5, rd1, null);
        NodeAcl acl = model.createNodeAcl(tpg, "iqn.1994-05.com.redhat:c2");
        MappedLun m = model.createMappedLun(acl, 4, 5, true, null);
        assertThat(m.writeProtect()).isTrue();
        assertThat(m.tpgLun()).isSameAs(lun);
        assertThat(lun.mappedLuns()).containsExactly(m);
        model.setMappedLunWriteProtect(m, false);
        assertThat(m.writeProtect()).isFalse();
    }

    @Test
    void deletingAnAclDeletesItsMappedLuns() {
        model.createLun(tpg, 0, rd1, null);
        NodeAcl acl = model.createNodeAcl(tpg, "iqn.1994-05.com.redhat:c1");
        model.createMappedLun(acl, 0, 0, false, null);
        model.deleteNodeAcl(tpg, "iqn.1994-05.com.redhat:c1");
        assertThat(tpg.nodeAcls()).isEmpty();
        assertThat(tpg.luns().get(0).mappedLuns()).isEmpty();
        assertThatThrownBy(() -> model.createMappedLun(acl, 1, 0, false, null))
                .hasMessage("This NodeACL does not exist in configFS");
    }

    @Test
    void objectsOfADeletedTargetCannotBeChanged() {
        model.deleteTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1");
        assertThatThrownBy(() -> model.createLun(tpg, 0, rd1, null))
                .hasMessage("This Target does not exist in configFS");
    }
}
