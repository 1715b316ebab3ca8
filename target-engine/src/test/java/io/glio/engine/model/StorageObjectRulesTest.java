package io.glio.engine.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorageObjectRulesTest {

    private final FakeDevices devices = new FakeDevices();
    private final TargetModel model = TestEnv.model(devices);

    @Test
    void nameWithSlashSpaceTabOrNewlineIsRefused() {
        for (String bad : new String[] {"b/c", "b c", "b\tc", "b\nc"}) {
            assertThatThrownBy(() -> model.createRamdisk(bad, 4096, false, null))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("A storage object's name cannot contain  /, newline or spaces/tabs");
        }
        assertThat(model.storageObjects()).isEmpty();
    }

    @Test
    void nameIsUniquePerPluginOnly() {
        model.createRamdisk("rd1", 1 << 20, false, null);
        assertThatThrownBy(() -> model.createRamdisk("rd1", 1 << 20, false, null))
                .isInstanceOf(AlreadyExistsException.class)
                .hasMessage("Storage object ramdisk/rd1 exists");
        model.createUser("rd1", 1 << 20, "glfs/vol@host/f.img", null, null, null);
        assertThat(model.storageObjects()).hasSize(2);
    }

    @Test
    void defaultWwnIsAUuid4AndAGivenWwnIsKept() {
        StorageObject a = model.createRamdisk("a", 4096, false, null);
        StorageObject b = model.createRamdisk("b", 4096, false, "653e4072-8aad-4e9d-900e-4059f0e19e7e");
        assertThat(a.wwn()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(b.wwn()).isEqualTo("653e4072-8aad-4e9d-900e-4059f0e19e7e");
    }

    @Test
    void ramdiskSizeIsRoundedToPagesHalfToEvenWithAtLeastOnePage() {
        assertThat(model.createRamdisk("a", 6144, false, null).size()).hasValue(8192);
        assertThat(model.createRamdisk("b", 2048, false, null).size()).hasValue(4096);
        assertThat(model.createRamdisk("c", 10240, false, null).size()).hasValue(8192);
        assertThat(model.createRamdisk("d", 0, true, null).size()).hasValue(4096);
        assertThat(model.storageObject(Plugin.RAMDISK, "d").orElseThrow().nullio()).isTrue();
    }

    @Test
    void fileioCreatesAMissingSparseFileOfTheGivenSize(@TempDir Path dir) throws Exception {
        TargetModel real = new TargetModel(TestEnv.env(DeviceProbe.system()));
        String path = dir.resolve("disk1.img").toString();

        FileioCreation c = real.createFileio("disk1", path, "1M", true, true, null);

        assertThat(c.fileCreated()).isTrue();
        assertThat(c.size()).isEqualTo(1048576);
        assertThat(c.notes()).isEmpty();
        assertThat(Files.size(Path.of(path))).isEqualTo(1048576);
        StorageObject so = c.storageObject();
        assertThat(so.dev()).hasValue(path);
        assertThat(so.writeBack()).isTrue();
        assertThat(so.attributes().get("emulate_write_cache")).hasValue("1");
        assertThat(so.aio()).isFalse();
    }

    @Test
    void fileioWithSparseFalseWritesZerosAndSaysSo(@TempDir Path dir) throws Exception {
        TargetModel real = new TargetModel(TestEnv.env(DeviceProbe.system()));
        String path = dir.resolve("a.img").toString();

        FileioCreation c = real.createFileio("a", path, "1M", false, false, null);

        assertThat(c.notes()).containsExactly("Writing 1048576 bytes");
        assertThat(Files.readAllBytes(Path.of(path))).hasSize(1048576).containsOnly(0);
        assertThat(c.storageObject().writeBack()).isFalse();
        assertThat(c.storageObject().attributes().get("emulate_write_cache")).hasValue("0");
    }

    @Test
    void fileioInAMissingFolderCannotBeOpenedAndLeavesNothing(@TempDir Path dir) {
        TargetModel real = new TargetModel(TestEnv.env(DeviceProbe.system()));
        String path = dir.resolve("no/such/dir/a.img").toString();
        assertThatThrownBy(() -> real.createFileio("a", path, "1M", true, true, null))
                .hasMessage("Could not open " + path);
        assertThat(real.storageObjects()).isEmpty();
        assertThat(Files.exists(Path.of(path))).isFalse();
    }

    @Test
    void fileioUsesARealExistingFileAndAnotherObjectCannotReuseIt(@TempDir Path dir) throws Exception {
        TargetModel real = new TargetModel(TestEnv.env(DeviceProbe.system()));
        Path img = dir.resolve("a.img");
        Files.write(img, new byte[4096]);
        FileioCreation c = real.createFileio("a", img.toString(), null, true, true, null);
        assertThat(c.fileCreated()).isFalse();
        assertThat(c.size()).isEqualTo(4096);
        assertThatThrownBy(() -> real.createFileio("b", dir.resolve("./a.img").toString(), null, true, true, null))
                .hasMessage("storage object for " + dir.resolve("./a.img") + " already exists: a");
    }

    @Test
    void fileioUsesAnExistingFileAtItsOwnSize() {
        devices.file("/srv/img/a.img", 2048);

        FileioCreation c = model.createFileio("a", "/srv/img/a.img", "5M", true, true, null);

        assertThat(c.fileCreated()).isFalse();
        assertThat(c.size()).isEqualTo(2048);
        assertThat(c.notes()).containsExactly("/srv/img/a.img exists, using its size (2048 bytes) instead");
    }

    @Test
    void fileioOnABlockDeviceTakesTheDeviceSize() {
        devices.blockDevice("/dev/sdb", 10L << 30);

        FileioCreation c = model.createFileio("b", "/dev/sdb", "1G", true, true, null);

        assertThat(c.size()).isEqualTo(10L << 30);
        assertThat(c.notes()).containsExactly("Block device, size parameter ignored",
                "Note: block backstore preferred for best results");
    }

    @Test
    void fileioOnANonDiskBlockDeviceIsRefused() {
        devices.cdrom("/dev/sr0");
        assertThatThrownBy(() -> model.createFileio("c", "/dev/sr0", null, true, true, null))
                .hasMessage("Device is not a TYPE_DISK block device");
        assertThat(model.storageObjects()).isEmpty();
    }

    @Test
    void fileioPathAlreadyUsedByAnotherObjectIsRefused() {
        devices.file("/srv/img/disk2.img", 10 << 20);
        model.createFileio("disk2", "/srv/img/disk2.img", null, true, true, null);
        assertThatThrownBy(() -> model.createFileio("disk3", "/srv/img/disk2.img", "5M", true, true, null))
                .isInstanceOf(AlreadyExistsException.class)
                .hasMessage("storage object for /srv/img/disk2.img already exists: disk2");
    }

    @Test
    void fileioPathThatIsADirectoryIsRefused() {
        devices.directory("/srv/img");
        assertThatThrownBy(() -> model.createFileio("b", "/srv/img", "1M", true, true, null))
                .hasMessage("Path /srv/img exists but is not a file");
    }

    @Test
    void fileioNewFileNeedsASize() {
        assertThatThrownBy(() -> model.createFileio("d", "/srv/img/d.img", null, true, true, null))
                .hasMessage("Attempting to create file for new fileio backstore, need a size");
        assertThat(devices.createdSparse).isEmpty();
    }

    @Test
    void fileioSizeWithDecimalsIsRefusedAndNoFileIsCreated() {
        assertThatThrownBy(() -> model.createFileio("d", "/srv/img/d.img", "1.5T", true, true, null))
                .hasMessage("Cannot interpret size, wrong format: 1.5T");
        assertThat(devices.createdSparse).isEmpty();
    }

    @Test
    void fileioWithABadNameCreatesNoFile() {
        assertThatThrownBy(() -> model.createFileio("b/c", "/srv/img/bc.img", "1M", true, true, null))
                .hasMessage("A storage object's name cannot contain  /, newline or spaces/tabs");
        assertThat(devices.createdSparse).isEmpty();
    }

    @Test
    void fileioFileThatCannotBeOpenedIsReported() {
        assertThatThrownBy(() -> model.createFileio("x", "/nonexistent/x.img", "1M", true, true, null))
                .hasMessage("Could not open /nonexistent/x.img");
        assertThat(model.storageObjects()).isEmpty();
    }

    @Test
    void blockWithoutReadonlyNeedsADeviceItCanOpen() {
        assertThatThrownBy(() -> model.createBlock("b", "/dev/nosuch", null, null))
                .hasMessage("Could not open /dev/nosuch");
    }

    @Test
    void blockDetectsTheReadOnlyFlag() {
        devices.readOnlyBlockDevice("/dev/sdc", 1 << 30);
        assertThat(model.createBlock("c", "/dev/sdc", null, null).readonly()).isTrue();
    }

    @Test
    void blockNeedsATypeDiskDevice() {
        devices.cdrom("/dev/sr0");
        assertThatThrownBy(() -> model.createBlock("cd", "/dev/sr0", false, null))
                .hasMessage("Device /dev/sr0 is not a TYPE_DISK block device");
    }

    @Test
    void blockDeviceUsedByAnotherObjectIsRefused() {
        devices.blockDevice("/dev/sdb", 1 << 30);
        model.createBlock("b1", "/dev/sdb", false, null);
        assertThatThrownBy(() -> model.createBlock("b2", "/dev/sdb", false, null))
                .hasMessage("Cannot configure StorageObject because device /dev/sdb is already in use");
    }

    @Test
    void pscsiNeedsAPathOrHctl() {
        assertThatThrownBy(() -> model.createPscsi("p", "foo"))
                .hasMessage("Cannot find SCSI device by path, and dev parameter not in H:C:T:L format: foo");
        assertThat(model.createPscsi("p", "1:0:0:0").dev()).hasValue("1:0:0:0");
    }

    @Test
    void glfsConfigTakesAPortPerVolfileServer() {
        StorageObject so = model.createUser("g", 1 << 30, "glfs/vol@h1:24007,[fd00::3]:24008/f", null, null, null);
        assertThat(so.config()).hasValue("glfs/vol@h1:24007,[fd00::3]:24008/f");
    }

    @Test
    void glfsConfigRefusesAColonOutsideTheServerList() {
        assertThatThrownBy(() -> model.createUser("g", 1 << 30, "glfs/vol@host/dir:x/f", null, null, null))
                .hasMessage("':' not allowed in config string 'glfs/vol@host/dir:x/f'"
                        + " except as host:port between '@' and the file path");
        assertThatThrownBy(() -> model.createUser("g", 1 << 30, "glfs/v:ol@host/f", null, null, null))
                .hasMessageStartingWith("':' not allowed in config string 'glfs/v:ol@host/f'");
        assertThat(model.storageObjects()).isEmpty();
    }

    @Test
    void otherHandlersRefuseAnyColonAsRtslibDoes() {
        assertThatThrownBy(() -> model.createUser("g", 1 << 30, "rbd/pool:x/img", null, null, null))
                .hasMessage("':' not allowed in config string");
    }

    @Test
    void userConfigNeedsTheHandlerSlash() {
        assertThatThrownBy(() -> model.createUser("g", 1 << 30, "glfs", null, null, null))
                .hasMessage("'config' must contain a '/' separating subtype from its configuration string");
    }

    @Test
    void userObjectHasTcmuDefaultsAndTakesHwMaxSectorsAndControl() {
        StorageObject a = model.createUser("a", 10L << 30, "glfs/gv0@gluster1/vm1.img", null, null, null);
        StorageObject b = model.createUser("b", 1 << 30, "glfs/gv0@gluster1/vm2.img", null, "64",
                "max_data_area_mb=64");

        assertThat(a.control()).hasValue("max_data_area_mb=1024,hw_block_size=512,data_pages_per_blk=1");
        assertThat(a.hwMaxSectors()).isEqualTo(128);
        assertThat(a.userHandler()).hasValue("glfs");
        assertThat(b.control()).hasValue("max_data_area_mb=64,hw_block_size=512,data_pages_per_blk=1");
        assertThat(b.hwMaxSectors()).isEqualTo(64);
        assertThat(b.attributes().get("optimal_sectors")).hasValue("64");
        StorageObject c = model.createUser("c", 1 << 30, "glfs/gv0@gluster1/vm3.img", null, null,
                "hw_block_size=4096");
        assertThat(c.blockSize()).isEqualTo(4096);
        assertThat(c.control()).hasValue("max_data_area_mb=1024,hw_block_size=4096,data_pages_per_blk=1");
    }

    @Test
    void unknownAttributeIsRefused() {
        StorageObject so = model.createRamdisk("rd", 4096, false, null);
        assertThatThrownBy(() -> model.setStorageObjectAttribute(so, "nosuch", "1"))
                .hasMessage("Cannot find attribute: nosuch");
    }

    @Test
    void readOnlyAttributeIsRefused() {
        StorageObject so = model.createRamdisk("rd", 4096, false, null);
        assertThatThrownBy(() -> model.setStorageObjectAttribute(so, "hw_block_size", "4096"))
                .hasMessage("Cannot set attribute hw_block_size: [Errno 13] Permission denied");
    }

    @Test
    void attributeValueTheKernelRefusesIsReported() {
        StorageObject so = model.createRamdisk("rd", 4096, false, null);
        for (String[] bad : new String[][] {{"block_size", "1000"}, {"block_size", "abc"},
                {"emulate_tpu", "2"}, {"queue_depth", "-1"}}) {
            assertThatThrownBy(() -> model.setStorageObjectAttribute(so, bad[0], bad[1]))
                    .hasMessage("Cannot set attribute " + bad[0] + ": [Errno 22] Invalid argument");
        }
        assertThat(so.attributes().get("block_size")).hasValue("512");
        model.setStorageObjectAttribute(so, "block_size", "4096");
        assertThat(so.blockSize()).isEqualTo(4096);
    }

    @Test
    void aluaGroupTagMustBeInRange() {
        StorageObject so = model.createRamdisk("rd", 4096, false, null);
        assertThatThrownBy(() -> model.createAluaGroup(so, "g1", 0))
                .hasMessage("The TPG Tag must be between 1 and 65535");
        assertThatThrownBy(() -> model.createAluaGroup(so, "g1", 65536))
                .hasMessage("The TPG Tag must be between 1 and 65535");
    }

    @Test
    void aluaGroupNameIsUniquePerObject() {
        StorageObject so = model.createRamdisk("rd", 4096, false, null);
        model.createAluaGroup(so, "g1", 5);
        assertThatThrownBy(() -> model.createAluaGroup(so, "g1", 6))
                .hasMessage("This ALUATargetPortGroup already exists in configFS");
    }

    @Test
    void aluaGroupIdIsUniquePerObject() {
        StorageObject so = model.createRamdisk("rd", 4096, false, null);
        model.createAluaGroup(so, "g1", 5);
        assertThatThrownBy(() -> model.createAluaGroup(so, "g2", 5))
                .hasMessage("Cannot set id to 5: [Errno 22] Invalid argument");
        assertThat(so.aluaGroups()).extracting(AluaGroup::name).containsExactly("default_tg_pt_gp", "g1");
    }

    @Test
    void defaultAluaGroupCannotBeDeleted() {
        StorageObject so = model.createRamdisk("rd", 4096, false, null);
        assertThatThrownBy(() -> model.deleteAluaGroup(so, "default_tg_pt_gp"))
                .hasMessage("Can not delete default_tg_pt_gp");
    }

    @Test
    void deletingAMissingAluaGroupNamesItsPath() {
        StorageObject so = model.createRamdisk("rd", 4096, false, null);
        assertThatThrownBy(() -> model.deleteAluaGroup(so, "nosuch"))
                .hasMessage("No such ALUATargetPortGroup in configfs: "
                        + "/sys/kernel/config/target/core/rd_mcp_0/rd/alua/nosuch");
    }

    @Test
    void aluaParameterValuesAreChecked() {
        StorageObject so = model.createRamdisk("rd", 4096, false, null);
        AluaGroup g = model.createAluaGroup(so, "g1", 2);
        model.setAluaParameter(g, "alua_access_state", 1);
        assertThat(g.accessState()).isEqualTo(1);
        assertThatThrownBy(() -> model.setAluaParameter(g, "alua_access_state", 5))
                .hasMessage("Cannot set alua_access_state: [Errno 22] Invalid argument");
        assertThatThrownBy(() -> model.setAluaParameter(g, "members", 1))
                .hasMessage("Could not set attribute 'members' for alua tpg 'g1'");
    }

    @Test
    void deletingAnAluaGroupMovesItsLunsToTheDefaultGroup() {
        StorageObject so = model.createRamdisk("rd", 4096, false, null);
        model.createAluaGroup(so, "g1", 2);
        Tpg tpg = model.createTpg(model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1"), 1);
        Lun lun = model.createLun(tpg, 0, so, null);
        assertThat(model.setLunAluaGroup(lun, "g1")).isTrue();
        assertThat(model.setLunAluaGroup(lun, "nosuch")).isFalse();
        assertThat(lun.aluaGroupName()).hasValue("g1");

        model.deleteAluaGroup(so, "g1");

        assertThat(lun.aluaGroupName()).hasValue("default_tg_pt_gp");
    }

    @Test
    void deletingAnObjectInUseDeletesItsLunsAndTheirMappedLuns() {
        StorageObject so = model.createRamdisk("rd", 4096, false, null);
        Tpg tpg = model.createTpg(model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1"), 1);
        Lun lun = model.createLun(tpg, 0, so, null);
        NodeAcl acl = model.createNodeAcl(tpg, "iqn.1994-05.com.redhat:c1");
        model.createMappedLun(acl, 0, 0, false, null);
        assertThat(so.activated()).isTrue();

        model.deleteStorageObject(so);

        assertThat(tpg.luns()).isEmpty();
        assertThat(acl.mappedLuns()).isEmpty();
        assertThat(lun.mappedLuns()).isEmpty();
        assertThat(model.storageObjects()).isEmpty();
        assertThatThrownBy(() -> model.deleteStorageObject(so))
                .hasMessage("This StorageObject does not exist in configFS");
    }

    @Test
    void strictDeleteRefusesAnObjectThatIsExported() {
        StorageObject so = model.createRamdisk("rd", 4096, false, null);
        Tpg tpg = model.createTpg(model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t1"), 1);
        model.createLun(tpg, 0, so, null);
        assertThatThrownBy(() -> model.deleteUnusedStorageObject(so))
                .isInstanceOf(InUseException.class)
                .hasMessage("[Errno 16] Device or resource busy: '/sys/kernel/config/target/core/rd_mcp_0/rd'");
        assertThat(tpg.luns()).hasSize(1);
        model.deleteLun(tpg, 0);
        model.deleteUnusedStorageObject(so);
        assertThat(model.storageObjects()).isEmpty();
    }

    @Test
    void hbaIndexesAreReusedLowestFirst() {
        StorageObject a = model.createRamdisk("a", 4096, false, null);
        StorageObject b = model.createRamdisk("b", 4096, false, null);
        model.deleteStorageObject(a);
        StorageObject c = model.createUser("c", 4096, "glfs/v@h/f", null, null, null);
        assertThat(b.configfsPath()).isEqualTo("/sys/kernel/config/target/core/rd_mcp_1/b");
        assertThat(c.configfsPath()).isEqualTo("/sys/kernel/config/target/core/user_0/c");
    }
}
