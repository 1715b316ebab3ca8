package io.glio.engine.model;

import io.glio.saveconfig.SaveConfig;
import io.glio.saveconfig.SaveConfigReader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestoreTest {

    /** A file with one fault per recoverable error rtslib reports. */
    private static final String BROKEN = """
            {
              "fabric_modules": [],
              "storage_objects": [
                {"name": "rd1", "plugin": "ramdisk", "size": 1048576, "wwn": "x1",
                 "attributes": {"foo": 1, "block_size": 4096}},
                {"name": "rd2", "plugin": "nosuch", "size": 1048576},
                {"name": "rd 3", "plugin": "ramdisk", "size": 1048576},
                {"name": "f1", "plugin": "fileio", "size": 1048576}
              ],
              "targets": [
                {"fabric": "foo", "wwn": "naa.5001405abcdef012", "tpgs": []},
                {"fabric": "iscsi", "wwn": "bad wwn", "tpgs": []},
                {"fabric": "iscsi", "wwn": "iqn.2003-01.org.x:t1", "tpgs": [
                  {"tag": 1, "attributes": {"nosuch": 1}, "parameters": {"NoParam": "x"},
                   "luns": [{"index": 0, "storage_object": "/backstores/ramdisk/rd1"},
                            {"index": 1, "storage_object": "/backstores/ramdisk/none"},
                            {"index": 2, "storage_object": "bad"},
                            {"index": 0, "storage_object": "/backstores/ramdisk/rd1"}],
                   "portals": [{"ip_address": "0.0.0.0", "port": 3260}, {"ip_address": "0.0.0.0", "port": 3260}],
                   "node_acls": [{"node_wwn": "bad_wwn"},
                                 {"node_wwn": "iqn.1994-05.com.redhat:c1", "attributes": {"zzz": 1},
                                  "mapped_luns": [{"index": 0, "tpg_lun": 7}, {"index": 300, "tpg_lun": 0}]}]}
                ]}
              ]
            }
            """;

    private static final String TWO_TARGETS = """
            {
              "fabric_modules": [{"discovery_enable_auth": true, "discovery_userid": "disc",
                                  "discovery_password": "pw", "name": "iscsi"}],
              "storage_objects": [
                {"name": "rd1", "plugin": "ramdisk", "size": 1048576, "wwn": "w1"},
                {"name": "rd2", "plugin": "rd_mcp", "size": 2097152, "wwn": "w2", "nullio": true}
              ],
              "targets": [
                {"fabric": "iscsi", "wwn": "iqn.2003-01.org.x:t1", "tpgs": [
                  {"tag": 1, "enable": false, "luns": [{"index": 0, "storage_object": "/backstores/ramdisk/rd1",
                    "alias": "0123456789"}], "portals": [], "node_acls": []}]},
                {"fabric": "iscsi", "wwn": "iqn.2003-01.org.x:t2", "tpgs": [
                  {"tag": 1, "luns": [{"index": 0, "storage_object": "/backstores/ramdisk/rd2"}],
                   "portals": [], "node_acls": [], "chap_userid": "u", "chap_password": "p"}]}
              ]
            }
            """;

    private static SaveConfig parse(String text) throws Exception {
        return SaveConfigReader.parseLenient(text, "test.json").config();
    }

    @Test
    void recoverableErrorsAreRtslibsTextsInRtslibsOrder() throws Exception {
        // Recorded from the targetcli oracle (restoreconfig of the same file).
        List<String> expected = List.of(
                "Storage Object ramdisk/rd1: Cannot find attribute: foo, skipped",
                "'plugin' not defined or invalid in storageobject rd2, skipped",
                "Could not create StorageObject rd 3: A storage object's name cannot contain  /, newline or spaces/tabs, skipped",
                "Could not create StorageObject f1: Storage object fileio/f1 not found, skipped",
                "Unknown fabric 'foo', skipped",
                "Could not create Target object: WWN not valid as: iqn, naa, eui, skipped",
                "Cannot find attribute: nosuch, skipped",
                "Cannot find parameter: NoParam, skipped",
                "Could not find matching StorageObject for LUN 1, skipped",
                "Malformed storage object field for LUN 2, skipped",
                "Creating TPG 1 LUN index 0 failed, skipped",
                "Error when creating NodeACL for bad_wwn: WWN not valid as: iqn, naa, eui, skipped",
                "Cannot find attribute: zzz, skipped",
                "Could not find matching TPG LUN 7 for MappedLUN 0, skipped",
                "Creating MappedLUN object 300 failed, skipped");
        TargetModel model = TestEnv.model();

        List<String> errors = model.restore(parse(BROKEN), RestoreOptions.ALL);

        assertThat(errors).isEqualTo(expected);
        assertThat(model.storageObjects()).extracting(StorageObject::name).containsExactly("rd1");
        StorageObject rd1 = model.storageObjects().get(0);
        assertThat(rd1.blockSize()).isEqualTo(4096);
        assertThat(model.targets()).extracting(Target::wwn).containsExactly("iqn.2003-01.org.x:t1");
        Tpg tpg = model.targets().get(0).tpgs().get(0);
        assertThat(tpg.luns()).extracting(Lun::index).containsExactly(0);
        assertThat(tpg.portals()).extracting(Portal::name).containsExactly("0.0.0.0:3260");
        assertThat(tpg.nodeAcls()).extracting(NodeAcl::nodeWwn).containsExactly("iqn.1994-05.com.redhat:c1");
        assertThat(tpg.enabled()).isTrue();
    }

    @Test
    void restoreWithoutClearRefusesAClashingStorageObjectAndChangesNothing() throws Exception {
        TargetModel model = TestEnv.model();
        model.createRamdisk("rd1", 4096, false, null);
        TestEnv.Recorder events = TestEnv.record(model);

        assertThatThrownBy(() -> model.restore(parse(TWO_TARGETS), RestoreOptions.ALL))
                .isInstanceOf(RestoreConflictException.class)
                .hasMessage("storageobject 'ramdisk:rd1' exist not restoring");
        assertThat(model.storageObjects()).hasSize(1);
        assertThat(model.targets()).isEmpty();
        assertThat(events.events).isEmpty();
    }

    @Test
    void restoreWithoutClearRefusesAClashingTarget() throws Exception {
        TargetModel model = TestEnv.model();
        model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:t2");
        assertThatThrownBy(() -> model.restore(parse(TWO_TARGETS), RestoreOptions.ALL))
                .hasMessage("target with wwn iqn.2003-01.org.x:t2 exist, not restoring");
    }

    @Test
    void restoreWithoutClearAddsToANonClashingConfiguration() throws Exception {
        TargetModel model = TestEnv.model();
        model.createRamdisk("other", 4096, false, null);
        assertThat(model.restore(parse(TWO_TARGETS), RestoreOptions.ALL)).isEmpty();
        assertThat(model.storageObjects()).extracting(StorageObject::name).containsExactly("other", "rd1", "rd2");
    }

    @Test
    void clearExistingReplacesEverything() throws Exception {
        TargetModel model = TestEnv.model();
        model.createRamdisk("rd1", 4096, false, null);
        model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:old");

        assertThat(model.restore(parse(TWO_TARGETS), RestoreOptions.CLEAR_AND_RESTORE)).isEmpty();

        assertThat(model.targets()).extracting(Target::wwn)
                .containsExactly("iqn.2003-01.org.x:t1", "iqn.2003-01.org.x:t2");
        StorageObject rd1 = model.storageObject(Plugin.RAMDISK, "rd1").orElseThrow();
        assertThat(rd1.wwn()).isEqualTo("w1");
        assertThat(rd1.size()).hasValue(1048576);
        StorageObject rd2 = model.storageObject(Plugin.RAMDISK, "rd2").orElseThrow();
        assertThat(rd2.nullio()).isTrue();
        Tpg t1 = model.targets().get(0).tpgs().get(0);
        assertThat(t1.enabled()).isFalse();
        assertThat(t1.luns().get(0).alias()).isEqualTo("0123456789");
        Tpg t2 = model.targets().get(1).tpgs().get(0);
        assertThat(t2.enabled()).isTrue();
        assertThat(t2.chap().userid()).isEqualTo("u");
        assertThat(model.discoveryAuth().enabled()).isTrue();
        assertThat(model.discoveryAuth().credentials().userid()).isEqualTo("disc");
    }

    @Test
    void targetFilterRestoresOnlyThatTargetAndNoStorageObject() throws Exception {
        TargetModel model = TestEnv.model();
        model.createRamdisk("rd1", 4096, false, "w1");

        List<String> errors = model.restore(parse(TWO_TARGETS),
                new RestoreOptions(true, "iqn.2003-01.org.x:t1", null));

        assertThat(errors).isEmpty();
        assertThat(model.targets()).extracting(Target::wwn).containsExactly("iqn.2003-01.org.x:t1");
        assertThat(model.storageObjects()).extracting(StorageObject::name).containsExactly("rd1");
        assertThat(model.targets().get(0).tpgs().get(0).luns()).hasSize(1);
    }

    @Test
    void targetFilterWithoutItsStorageObjectReportsTheMissingLun() throws Exception {
        TargetModel model = TestEnv.model();
        List<String> errors = model.restore(parse(TWO_TARGETS),
                new RestoreOptions(false, "iqn.2003-01.org.x:t2", null));
        assertThat(errors).containsExactly("Could not find matching StorageObject for LUN 0, skipped");
        assertThat(model.targets()).hasSize(1);
    }

    @Test
    void storageObjectFilterRestoresOnlyObjectsOfThatName() throws Exception {
        TargetModel model = TestEnv.model();
        model.restore(parse(TWO_TARGETS), new RestoreOptions(true, null, "rd2"));
        assertThat(model.storageObjects()).extracting(StorageObject::name).containsExactly("rd2");
        assertThat(model.targets()).isEmpty();
    }

    @Test
    void objectsWhoseFileOrDeviceIsMissingStayConfiguredAsNotAvailable() throws Exception {
        TargetModel model = TestEnv.model();
        List<String> errors = model.restoreFromFile(TestEnv.fixture("multi-target-chap-eui.json"), RestoreOptions.ALL);

        assertThat(errors).isEmpty();
        assertThat(model.storageObjects()).hasSize(5);
        StorageObject sdb = model.storageObject(Plugin.BLOCK, "iscsi_sdb").orElseThrow();
        assertThat(sdb.runtimeStatus()).hasValue("not available: /dev/sdb not found");
        StorageObject file1 = model.storageObject(Plugin.FILEIO, "iscsi_file1").orElseThrow();
        assertThat(file1.runtimeStatus()).hasValue("not available: /home/lszhu/target1.raw not found");
        assertThat(file1.size()).hasValue(104857600);
        Target target1 = model.target(Fabric.ISCSI, "iqn.2016-12.suse.com.target1").orElseThrow();
        assertThat(target1.tpgs()).extracting(Tpg::tag).containsExactly(8, 1, 3);
        NodeAcl acl = target1.tpg(1).orElseThrow().nodeAcl("iqn.2016-12.suse.com.lszhu.init").orElseThrow();
        assertThat(acl.mappedLuns()).extracting(MappedLun::index).containsExactly(6, 2, 1);
        assertThat(acl.chap().isMutual()).isTrue();
    }

    @Test
    void fcTargetsAndNonDefaultAluaGroupsAreRestored() throws Exception {
        TargetModel model = TestEnv.model();
        model.restoreFromFile(TestEnv.fixture("tcm_fc-alua-old-format.json"), RestoreOptions.ALL);

        StorageObject disk = model.storageObject(Plugin.BLOCK, "fcoe_disk_4").orElseThrow();
        assertThat(disk.aluaGroups()).extracting(AluaGroup::name)
                .containsExactly("secondary_tg_pt_gp", "default_tg_pt_gp");
        assertThat(disk.aluaGroup("secondary_tg_pt_gp").orElseThrow().id()).isEqualTo(16);
        assertThat(disk.aluaGroup("secondary_tg_pt_gp").orElseThrow().accessState()).isEqualTo(1);
        Target fc = model.target(Fabric.TCM_FC, "naa.20000cfd3762c308").orElseThrow();
        Lun lun3 = fc.tpgs().get(0).lun(3).orElseThrow();
        assertThat(lun3.aluaGroupName()).hasValue("secondary_tg_pt_gp");
        assertThat(fc.tpgs().get(0).attributes().writable()).isEmpty();
    }

    @Test
    void entriesWithoutRequiredKeysAreSkippedWithRtslibsTexts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String text = """
                {
                  "fabric_modules": [{"discovery_enable_auth": true}],
                  "storage_objects": [
                    {"plugin": "ramdisk", "size": 1048576},
                    {"name": "rd1", "size": 1048576},
                    {"name": "rd2", "plugin": "ramdisk", "size": 1048576, "wwn": "w2"}
                  ],
                  "targets": [
                    {"fabric": "iscsi", "tpgs": []},
                    {"wwn": "iqn.2003-01.org.x:t0", "tpgs": []},
                    {"fabric": "iscsi", "wwn": "iqn.2003-01.org.x:t1", "tpgs": [
                      {"tag": 2,
                       "luns": [{"storage_object": "/backstores/ramdisk/rd2"}, {"index": 1},
                                {"index": 0, "storage_object": "/backstores/ramdisk/rd2"}],
                       "portals": [{"port": 3260}, {"ip_address": "1.2.3.4"}],
                       "node_acls": [{"attributes": {}}, {"node_wwn": "iqn.1994-05.com.redhat:c1",
                                      "mapped_luns": [{"index": 0}, {"tpg_lun": 0}, {"index": 1, "tpg_lun": 0}]}]}
                    ]}
                  ]
                }
                """;
        java.nio.file.Path file = dir.resolve("missing.json");
        java.nio.file.Files.writeString(file, text);
        TargetModel model = TestEnv.model();

        List<String> errors = model.restoreFromFile(file, RestoreOptions.ALL);

        // Recorded from the targetcli oracle (restoreconfig of the same file).
        assertThat(errors).containsExactly(
                "'name' not defined in storage object 0, skipped",
                "'plugin' not defined or invalid in storageobject rd1, skipped",
                "'name' not defined in fabricmodule 0, skipped",
                "'wwn' not defined in target 0, skipped",
                "target iqn.2003-01.org.x:t0 missing 'fabric' field, skipped",
                "'index' missing from a LUN in TPG 2, skipped",
                "Malformed storage object field for LUN 1, skipped",
                "'ip_address' field missing from a portal in TPG 2, skipped",
                "'port' field missing from a portal in TPG 2, skipped",
                "'node_wwn' missing in node_acl, skipped",
                "'tpg_lun' not in a mapped_lun, skipped",
                "'index' not in a mapped_lun, skipped");
        Tpg tpg = model.target(Fabric.ISCSI, "iqn.2003-01.org.x:t1").orElseThrow().tpg(2).orElseThrow();
        assertThat(tpg.luns()).extracting(Lun::index).containsExactly(0);
        assertThat(tpg.nodeAcls().get(0).mappedLuns()).extracting(MappedLun::index).containsExactly(1);
        assertThat(model.toJson()).doesNotContain(MissingKeys.MARKER);
    }

    @Test
    void aRefusedAttributeValueKeepsTheKernelDefault() throws Exception {
        String text = """
                {"fabric_modules": [], "storage_objects": [],
                 "targets": [{"fabric": "iscsi", "wwn": "iqn.2003-01.org.x:t1", "tpgs": [
                   {"tag": 1, "attributes": {"authentication": "abc", "login_timeout": 20},
                    "luns": [], "portals": [], "node_acls": []}]}]}
                """;
        TargetModel model = TestEnv.model();
        List<String> errors = model.restore(parse(text), RestoreOptions.ALL);
        assertThat(errors).containsExactly("Cannot set attribute authentication: [Errno 22] Invalid argument, skipped");
        Tpg tpg = model.targets().get(0).tpgs().get(0);
        assertThat(tpg.attributes().writable()).containsOnlyKeys("authentication", "login_timeout");
        assertThat(tpg.attributes().get("authentication")).hasValue("1");
        assertThat(tpg.attributes().get("login_timeout")).hasValue("20");
    }

    @Test
    void aFileThatIsNotJsonIsRefusedWithTheReadersLocatedMessage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("broken.json");
        java.nio.file.Files.writeString(file, "{\"storage_objects\": [");
        TargetModel model = TestEnv.model();
        assertThatThrownBy(() -> model.restoreFromFile(file, RestoreOptions.ALL))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("broken.json");
        assertThat(model.isEmpty()).isTrue();
    }

    @Test
    void unknownKeysRideAlongToTheNextSave() throws Exception {
        String text = """
                {"fabric_modules": [], "glio_note": "kept",
                 "storage_objects": [{"name": "rd1", "plugin": "ramdisk", "size": 4096, "wwn": "w",
                                      "future_key": {"a": 1}}],
                 "targets": [{"fabric": "iscsi", "wwn": "iqn.2003-01.org.x:t1", "owner": "gw1",
                              "tpgs": [{"tag": 1, "luns": [], "portals": [{"ip_address": "0.0.0.0",
                                        "port": 3260, "iser": false, "offload": false, "vlan": 7}],
                                        "node_acls": [], "x_tpg": true}]}]}
                """;
        TargetModel model = TestEnv.model();
        model.restore(parse(text), RestoreOptions.ALL);

        String saved = model.toJson();

        assertThat(saved).contains("\"glio_note\": \"kept\"", "\"future_key\": {", "\"owner\": \"gw1\"",
                "\"vlan\": 7", "\"x_tpg\": true");
    }
}
