package io.glio.engine.model;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds through the model what a targetcli session built (see the script in the comment
 * below) and compares the save with the saveconfig.json the targetcli oracle wrote for it.
 * The oracle's random aliases are passed in, and objects are created in the order the oracle
 * listed them (its fake configfs lists directories in hash order).
 */
class CreateSequenceTest {

    // Oracle script (FAKE_TCMU=1):
    //   /backstores/fileio create disk1 /tmp/glio-oracle/disk1.img 100M wwn=18a7b66c-…
    //   /backstores/ramdisk create rd0 1G nullio=true wwn=ac22f0d2-…
    //   /backstores/user:glfs create gvol1 10G gv0@gluster1/vm1.img wwn=bc677bb4-…
    //   /iscsi create iqn.2003-01.org.linux-iscsi.iscsi-gw.x8664:sn.8f1c2e3d4b5a
    //   …/tpg1/luns create /backstores/fileio/disk1 ; …/tpg1/luns create /backstores/ramdisk/rd0
    //   …/tpg1/acls create iqn.1994-05.com.redhat:client1
    //   …/acls/iqn.1994-05.com.redhat:client1 set auth userid=client1 password=secret123
    //   …/tpg1 set attribute authentication=1
    //   /iscsi set discovery_auth enable=1 userid=disc password=discpass
    //   /loopback create naa.5001405abcdef012 ; /loopback/naa.5001405abcdef012/luns create /backstores/user:glfs/gvol1
    //   /backstores/ramdisk create rd9 6k ; /backstores/ramdisk delete rd9
    //   saveconfig
    private static final Path ORACLE = Path.of("src/test/java/io/glio/engine/model/oracle-create-sequence.json");

    @Test
    void modelSavesWhatTargetcliSavedForTheSameSession() throws Exception {
        TargetModel model = TestEnv.model();

        StorageObject gvol1 = model.createUser("gvol1", 10L << 30, "glfs/gv0@gluster1/vm1.img",
                "bc677bb4-ef0f-4759-a573-7bb519ca6dde", null, null);
        StorageObject rd0 = model.createRamdisk("rd0", 1L << 30, true, "ac22f0d2-566c-4939-a6d0-efa2abac5f54");
        model.setStorageObjectAttribute(rd0, "emulate_model_alias", "1");
        StorageObject disk1 = model.createFileio("disk1", "/tmp/glio-oracle/disk1.img", "100M", true, true,
                "18a7b66c-2de3-4cb6-8605-90316b93d7f1").storageObject();
        model.setStorageObjectAttribute(disk1, "emulate_model_alias", "1");
        StorageObject rd9 = model.createRamdisk("rd9", 6144, false, null);
        model.deleteStorageObject(rd9);

        Target iscsi = model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.linux-iscsi.iscsi-gw.x8664:sn.8f1c2e3d4b5a");
        Tpg tpg = model.createTpg(iscsi, null);
        model.setTpgEnabled(tpg, true);
        model.setTpgAttribute(tpg, "authentication", "0");
        model.createPortal(tpg, "0.0.0.0", 3260);
        model.createLun(tpg, 1, rd0, "1a23d38c6b");
        model.createLun(tpg, 0, disk1, "c465fcbde7");
        NodeAcl acl = model.createNodeAcl(tpg, "iqn.1994-05.com.redhat:client1");
        model.createMappedLun(acl, 1, 1, false, "281e9aa654");
        model.createMappedLun(acl, 0, 0, false, "0caf3077d9");
        model.setNodeAclAuth(acl, AuthField.USERID, "client1");
        model.setNodeAclAuth(acl, AuthField.PASSWORD, "secret123");
        model.setTpgAttribute(tpg, "authentication", "1");
        model.setDiscoveryAuthEnabled(true);
        model.setDiscoveryAuth(AuthField.USERID, "disc");
        model.setDiscoveryAuth(AuthField.PASSWORD, "discpass");
        Target loop = model.createTarget(Fabric.LOOPBACK, "naa.5001405abcdef012");
        model.createLun(loop.tpgs().get(0), null, gvol1, "fe70d1cdfa");

        assertThat(model.toJson()).isEqualTo(Files.readString(ORACLE));
    }
}
