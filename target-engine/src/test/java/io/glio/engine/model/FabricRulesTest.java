package io.glio.engine.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FabricRulesTest {

    private final TargetModel model = TestEnv.model();

    @Test
    void iscsiTargetWithoutWwnGetsAGeneratedIqn() {
        Target t = model.createTarget(Fabric.ISCSI, null);
        assertThat(t.wwn()).matches("iqn\\.2003-01\\.org\\.linux-iscsi\\.storage1\\.x8664:sn\\.[0-9a-f]{12}");
        assertThat(t.wwnType()).isEqualTo(WwnType.IQN);
        assertThat(t.tpgs()).isEmpty();
    }

    @Test
    void generatedIqnUsesTheShortHostnameWithoutUnderscoresLowerCased() {
        TargetModel m = new TargetModel(new ModelEnvironment("Gluster_GW1.Example.COM", "aarch64",
                TestEnv.seededUuids(1), new FakeDevices()));
        assertThat(m.createTarget(Fabric.ISCSI, null).wwn())
                .startsWith("iqn.2003-01.org.linux-iscsi.glustergw1.aarch64:sn.");
    }

    @Test
    void targetWwnIsNormalised() {
        assertThat(model.createTarget(Fabric.ISCSI, " IQN.2003-01.ORG.X:T1 ").wwn()).isEqualTo("iqn.2003-01.org.x:t1");
        assertThat(model.createTarget(Fabric.ISCSI, "naa.6001405abcdef012").wwn()).isEqualTo("naa.5001405abcdef012");
        assertThat(model.createTarget(Fabric.ISCSI, "0x5001405abcdef013").wwn()).isEqualTo("naa.5001405abcdef013");
        assertThat(model.createTarget(Fabric.ISCSI, "eui.0123456789ABCDEF").wwn()).isEqualTo("eui.0123456789abcdef");
    }

    @Test
    void invalidTargetWwnNamesTheFabricsTypes() {
        assertThatThrownBy(() -> model.createTarget(Fabric.ISCSI, "badwwn"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("WWN not valid as: iqn, naa, eui");
        assertThatThrownBy(() -> model.createTarget(Fabric.LOOPBACK, "iqn.2000-01.com.x:y"))
                .hasMessage("WWN not valid as: naa");
        assertThatThrownBy(() -> model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x_y:t"))
                .hasMessage("WWN not valid as: iqn, naa, eui");
        assertThat(model.targets()).isEmpty();
    }

    @Test
    void duplicateTargetIsRefused() {
        model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1");
        assertThatThrownBy(() -> model.createTarget(Fabric.ISCSI, "IQN.2003-01.org.x:t1"))
                .isInstanceOf(AlreadyExistsException.class)
                .hasMessage("This Target already exists in configFS");
    }

    @Test
    void deletingAMissingTargetNamesItsConfigfsPath() {
        assertThatThrownBy(() -> model.deleteTarget(Fabric.ISCSI, "iqn.2003-01.org.x:nosuch"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No such Target in configfs: /sys/kernel/config/target/iscsi/iqn.2003-01.org.x:nosuch");
    }

    @Test
    void hardwareFabricNeedsAWwnAndUsesItsConfigfsSpelling() {
        assertThatThrownBy(() -> model.createTarget(Fabric.TCM_FC, null))
                .hasMessage("Fabric cannot generate WWN but it was not given");
        Target fc = model.createTarget(Fabric.TCM_FC, "20:00:0c:fd:37:62:c3:08");
        assertThat(fc.wwn()).isEqualTo("naa.20000cfd3762c308");
        assertThat(fc.configfsPath()).isEqualTo("/sys/kernel/config/target/fc/20:00:0c:fd:37:62:c3:08");
    }

    @Test
    void loopbackTargetHasItsSingleTpgWithAGeneratedNexus() {
        Target t = model.createTarget(Fabric.LOOPBACK, null);
        assertThat(t.wwn()).matches("naa\\.5001405[0-9a-f]{9}");
        assertThat(t.tpgs()).hasSize(1);
        Tpg tpg = t.tpgs().get(0);
        assertThat(tpg.tag()).isEqualTo(1);
        assertThat(tpg.enabled()).isTrue();
        assertThat(tpg.nexus().orElseThrow()).matches("naa\\.5001405[0-9a-f]{9}");
        assertThat(tpg.attributes().writable()).containsOnlyKeys("fabric_prot_type");
        assertThat(tpg.parameters().writable()).isEmpty();
        assertThatThrownBy(() -> model.createTpg(t, 2)).hasMessage("Target cannot have multiple TPGs");
    }

    @Test
    void tpgTagIsUniqueAndTheLowestFreeTagIsTakenWhenNoneIsGiven() {
        Target t = model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1");
        model.createTpg(t, 1);
        model.createTpg(t, 3);
        assertThatThrownBy(() -> model.createTpg(t, 1))
                .isInstanceOf(AlreadyExistsException.class)
                .hasMessage("This TPG already exists in configFS");
        assertThat(model.createTpg(t, null).tag()).isEqualTo(2);
        assertThat(t.tpgs()).extracting(Tpg::tag).containsExactly(1, 3, 2);
    }

    @Test
    void deletingAMissingTpgNamesItsConfigfsPath() {
        Target t = model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1");
        assertThatThrownBy(() -> model.deleteTpg(t, 5))
                .hasMessage("No such TPG in configfs: /sys/kernel/config/target/iscsi/iqn.2003-01.org.x:t1/tpgt_5");
    }

    @Test
    void iscsiTpgStartsDisabledWithLioDefaults() {
        Tpg tpg = model.createTpg(model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1"), null);
        assertThat(tpg.enabled()).isFalse();
        assertThat(tpg.attributes().get("authentication")).hasValue("1");
        assertThat(tpg.attributes().get("generate_node_acls")).hasValue("0");
        assertThat(tpg.parameters().get("MaxRecvDataSegmentLength")).hasValue("8192");
        assertThat(tpg.parameters().get("TargetAlias")).hasValue("LIO Target");
        assertThat(tpg.chap()).isEqualTo(ChapCredentials.NONE);
        assertThat(model.setTpgEnabled(tpg, true)).isTrue();
        assertThat(model.setTpgEnabled(tpg, true)).isFalse();
        assertThat(model.setTpgEnabled(tpg, false)).isTrue();
        assertThat(tpg.enabled()).isFalse();
    }

    @Test
    void unknownTpgAttributeIsRefused() {
        Tpg tpg = model.createTpg(model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1"), null);
        assertThatThrownBy(() -> model.setTpgAttribute(tpg, "nosuch", "1"))
                .hasMessage("Cannot find attribute: nosuch");
        model.setTpgAttribute(tpg, "generate_node_acls", "1");
        assertThat(tpg.generateNodeAcls()).isTrue();
    }

    @Test
    void unknownTpgParameterIsRefused() {
        Tpg tpg = model.createTpg(model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1"), null);
        assertThatThrownBy(() -> model.setTpgParameter(tpg, "NoParam", "x"))
                .hasMessage("Cannot find parameter: NoParam");
    }

    @Test
    void tpgParameterValueTheKernelRefusesIsReported() {
        Tpg tpg = model.createTpg(model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1"), null);
        for (String[] bad : new String[][] {{"InitialR2T", "maybe"}, {"MaxRecvDataSegmentLength", "100"},
                {"HeaderDigest", "MD5"}, {"ErrorRecoveryLevel", "3"}}) {
            assertThatThrownBy(() -> model.setTpgParameter(tpg, bad[0], bad[1]))
                    .hasMessage("Cannot set parameter " + bad[0] + ": [Errno 22] Invalid argument");
        }
        model.setTpgParameter(tpg, "MaxRecvDataSegmentLength", "262144");
        model.setTpgParameter(tpg, "HeaderDigest", "None");
        assertThat(tpg.parameters().get("MaxRecvDataSegmentLength")).hasValue("262144");
    }

    @Test
    void chapValueNullIsNotPermitted() {
        Tpg tpg = model.createTpg(model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1"), null);
        assertThatThrownBy(() -> model.setTpgAuth(tpg, AuthField.USERID, "NULL"))
                .hasMessage("'NULL' is not a permitted value");
    }

    @Test
    void chapValueLongerThan255IsRefused() {
        Tpg tpg = model.createTpg(model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1"), null);
        assertThatThrownBy(() -> model.setTpgAuth(tpg, AuthField.PASSWORD, "x".repeat(256)))
                .hasMessage("Value longer than maximum length of 255");
    }

    @Test
    void chapValuesAreStrippedAndAnEmptyValueClears() {
        Tpg tpg = model.createTpg(model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1"), null);
        model.setTpgAuth(tpg, AuthField.USERID, " tgtuser ");
        model.setTpgAuth(tpg, AuthField.PASSWORD, "tgtpass");
        assertThat(tpg.chap().hasCredentials()).isTrue();
        assertThat(tpg.chap().userid()).isEqualTo("tgtuser");
        model.setTpgAuth(tpg, AuthField.USERID, "");
        assertThat(tpg.chap().userid()).isEmpty();
    }

    @Test
    void portalIpPortIsUniqueInATpg() {
        Tpg tpg = model.createTpg(model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1"), null);
        model.createPortal(tpg, "127.0.0.1", 3261);
        assertThatThrownBy(() -> model.createPortal(tpg, "127.0.0.1", 3261))
                .isInstanceOf(AlreadyExistsException.class)
                .hasMessage("This NetworkPortal already exists in configFS");
    }

    @Test
    void twoTpgsOfOneTargetCannotShareAPortalButTwoTargetsCan() {
        Target t1 = model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1");
        model.createPortal(model.createTpg(t1, 1), "0.0.0.0", 3260);
        Tpg second = model.createTpg(t1, 2);
        assertThatThrownBy(() -> model.createPortal(second, "0.0.0.0", 3260))
                .hasMessage("Could not create NetworkPortal in configFS");
        Tpg other = model.createTpg(model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t2"), 1);
        assertThat(model.createPortal(other, "0.0.0.0", 3260).name()).isEqualTo("0.0.0.0:3260");
    }

    @Test
    void loopbackHasNoPortals() {
        Tpg tpg = model.createTarget(Fabric.LOOPBACK, null).tpgs().get(0);
        assertThatThrownBy(() -> model.createPortal(tpg, "0.0.0.0", 3260))
                .hasMessage("Could not create NetworkPortal in configFS");
    }

    @Test
    void deletingAMissingPortalNamesItsConfigfsPath() {
        Tpg tpg = model.createTpg(model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1"), 1);
        assertThatThrownBy(() -> model.deletePortal(tpg, "1.2.3.4", 3260))
                .hasMessage("No such NetworkPortal in configfs: "
                        + "/sys/kernel/config/target/iscsi/iqn.2003-01.org.x:t1/tpgt_1/np/1.2.3.4:3260");
    }

    @Test
    void ipv6PortalKeepsItsBrackets() {
        Tpg tpg = model.createTpg(model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1"), 1);
        Portal p = model.createPortal(tpg, "[::1]", 3260);
        model.setPortalIser(p, true);
        assertThat(p.name()).isEqualTo("[::1]:3260");
        assertThat(p.iser()).isTrue();
        assertThat(tpg.portal("[::1]", 3260)).containsSame(p);
    }

    @Test
    void discoveryAuthIsSetAndClearedByClearconfig() {
        model.setDiscoveryAuthEnabled(true);
        model.setDiscoveryAuth(AuthField.USERID, "disc");
        model.setDiscoveryAuth(AuthField.PASSWORD, "discpw");
        assertThat(model.discoveryAuth().enabled()).isTrue();
        assertThat(model.discoveryAuth().credentials().hasCredentials()).isTrue();

        model.clear();

        assertThat(model.discoveryAuth()).isEqualTo(DiscoveryAuth.DISABLED);
    }

    @Test
    void clearExistingHonoursTheTargetAndStorageObjectFilters() {
        model.createRamdisk("rd1", 4096, false, null);
        model.createRamdisk("rd2", 4096, false, null);
        model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1");
        model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t2");

        model.clearExisting("iqn.2003-01.org.x:t1", null);
        assertThat(model.targets()).extracting(Target::wwn).containsExactly("iqn.2003-01.org.x:t2");
        assertThat(model.storageObjects()).hasSize(2);

        model.clearExisting(null, "rd2");
        assertThat(model.storageObjects()).extracting(StorageObject::name).containsExactly("rd1");
        assertThat(model.targets()).hasSize(1);

        model.clear();
        assertThat(model.isEmpty()).isTrue();
    }

    @Test
    void targetsOfAFabricAreListedInCreationOrder() {
        model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:b");
        model.createTarget(Fabric.LOOPBACK, "naa.5001405abcdef012");
        model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:a");
        assertThat(model.targets(Fabric.ISCSI)).extracting(Target::wwn)
                .isEqualTo(List.of("iqn.2003-01.org.x:b", "iqn.2003-01.org.x:a"));
        assertThat(model.target(Fabric.LOOPBACK, "naa.5001405abcdef012")).isPresent();
    }
}
