package io.glio.saveconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaveConfigReaderTest {

    private static void assertRejected(String text, String message) {
        assertThatThrownBy(() -> SaveConfigReader.parse(text, "saveconfig.json"))
                .isInstanceOf(SaveConfigException.class)
                .hasMessage(message);
    }

    /** One iSCSI target with one TPG whose contents are {@code tpgBody}; two storage objects. */
    private static String withTpg(String tpgBody) {
        return """
                {
                  "storage_objects": [
                    {"name": "disk1", "plugin": "fileio", "dev": "/img/disk1.img", "size": 1048576},
                    {"name": "rd0", "plugin": "rd_mcp", "size": 1048576}
                  ],
                  "targets": [
                    {
                      "fabric": "iscsi",
                      "wwn": "iqn.2003-01.org.example:t1",
                      "tpgs": [
                        {
                          "tag": 1,
                %s
                        }
                      ]
                    }
                  ]
                }
                """.formatted(tpgBody);
    }

    @Test
    void emptyFileIsRejected() {
        assertRejected("", "saveconfig.json:1:1: $: empty file, expected a JSON object");
        assertRejected(" \n\n", "saveconfig.json:1:1: $: empty file, expected a JSON object");
    }

    @Test
    void notJsonIsRejectedAtTheFirstBadCharacter() {
        assertRejected("hello", "saveconfig.json:1:6: $: invalid JSON: unrecognized token 'hello': expected a JSON value");
        assertRejected("{\"targets\": [1,,2]}",
                "saveconfig.json:1:16: $.targets[1]: invalid JSON: unexpected character ',': expected a JSON value");
        assertRejected("{'targets': []}", "saveconfig.json:1:2: $: invalid JSON: "
                + "unexpected character ''': was expecting double-quote to start field name");
    }

    @Test
    void truncatedFileIsRejectedWithThePathItStoppedIn() {
        assertRejected("""
                {
                  "storage_objects": [
                    {
                      "name": "disk1",
                """, "saveconfig.json:5:1: $.storage_objects[0]: unexpected end of file (truncated?)");
    }

    @Test
    void trailingContentAfterTheDocumentIsRejected() {
        assertRejected("{\"targets\": []}\n{}", "saveconfig.json:2:1: $: unexpected content after the end of the JSON document");
    }

    @Test
    void repeatedKeyIsRejectedInsteadOfSilentlyKeepingTheLastOne() {
        assertRejected("""
                {
                  "storage_objects": [
                    {"name": "disk1", "plugin": "fileio",
                     "name": "disk2"}
                  ]
                }
                """, "saveconfig.json:4:6: $.storage_objects[0].name: duplicate key \"name\" (first on line 3)");
    }

    @Test
    void absurdNestingIsRejectedBeforeItCanExhaustTheStack() {
        String deep = "{\"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}";

        assertRejected(deep, "saveconfig.json:1:70: $.x" + "[0]".repeat(63) + ": nested deeper than 64 levels");
    }

    @Test
    void rootMustBeAnObject() {
        assertRejected("[]", "saveconfig.json:1:1: $: expected an object, got an array");
    }

    @Test
    void sizeAsHumanTextIsRejectedWithItsPosition() {
        assertRejected("""
                {
                  "storage_objects": [
                    {"name": "disk1", "plugin": "fileio", "size": 1048576},
                    {"name": "disk2", "plugin": "fileio", "size": "10G"}
                  ]
                }
                """, "saveconfig.json:4:51: $.storage_objects[1].size: expected an integer, got string \"10G\"");
    }

    @Test
    void everyWrongTypeIsReportedInFileOrder() {
        assertRejected("""
                {
                  "storage_objects": [{"name": 7, "plugin": "fileio", "write_back": "yes"}],
                  "targets": [{"fabric": "iscsi", "wwn": "iqn.2003-01.org.example:t1",
                               "tpgs": [{"tag": 1.0, "luns": {}}]}]
                }
                """, """
                saveconfig.json:2:32: $.storage_objects[0].name: expected a string, got integer 7
                saveconfig.json:2:69: $.storage_objects[0].write_back: expected a boolean, got string "yes"
                saveconfig.json:4:33: $.targets[0].tpgs[0].tag: expected an integer, got number 1.0
                saveconfig.json:4:46: $.targets[0].tpgs[0].luns: expected an array, got an object""");
    }

    @Test
    void missingRequiredKeysAreNamed() {
        assertRejected("""
                {"storage_objects": [{"plugin": "fileio"}], "targets": [{"fabric": "iscsi"}]}
                """, """
                saveconfig.json:1:22: $.storage_objects[0]: missing required key "name"
                saveconfig.json:1:57: $.targets[0]: missing required key "wwn\"""");
    }

    @Test
    void outOfRangeNumbersAreRejected() {
        assertRejected(withTpg("""
                  "luns": [{"index": 70000, "storage_object": "/backstores/fileio/disk1"}],
                  "portals": [{"ip_address": "0.0.0.0", "port": -1}]
                """), """
                saveconfig.json:13:22: $.targets[0].tpgs[0].luns[0].index: expected an integer from 0 to 65535, got 70000
                saveconfig.json:14:49: $.targets[0].tpgs[0].portals[0].port: expected an integer from 0 to 65535, got -1""");
    }

    @Test
    void attributeValuesMustBeScalars() {
        assertRejected(withTpg("""
                  "attributes": {"authentication": [1]}
                """), "saveconfig.json:13:36: $.targets[0].tpgs[0].attributes.authentication: "
                + "expected a number, a string or a boolean, got an array");
    }

    @Test
    void duplicateStorageObjectsAreRejectedEvenUnderAnOldPluginName() {
        assertRejected("""
                {"storage_objects": [
                  {"name": "rd0", "plugin": "ramdisk", "size": 1},
                  {"name": "rd0", "plugin": "rd_mcp", "size": 1}
                ]}
                """, "saveconfig.json:3:12: $.storage_objects[1].name: "
                + "duplicate storage object ramdisk/rd0 (first at $.storage_objects[0])");
    }

    @Test
    void unknownPluginIsRejected() {
        assertRejected("""
                {"storage_objects": [{"name": "x", "plugin": "nbd"}]}
                """, "saveconfig.json:1:46: $.storage_objects[0].plugin: "
                + "unknown plugin \"nbd\" (expected fileio, block, pscsi, ramdisk or user)");
    }

    @Test
    void duplicateTargetWwnIsRejected() {
        assertRejected("""
                {"targets": [
                  {"fabric": "iscsi", "wwn": "iqn.2003-01.org.example:t1", "tpgs": []},
                  {"fabric": "loopback", "wwn": "iqn.2003-01.org.example:t1", "tpgs": []},
                  {"fabric": "iscsi", "wwn": "IQN.2003-01.org.example:T1", "tpgs": []}
                ]}
                """, "saveconfig.json:4:30: $.targets[2].wwn: "
                + "duplicate target wwn IQN.2003-01.org.example:T1 in fabric iscsi (first at $.targets[0])");
    }

    @Test
    void duplicateTpgTagIsRejected() {
        assertRejected("""
                {"targets": [{"fabric": "iscsi", "wwn": "iqn.2003-01.org.example:t1",
                  "tpgs": [{"tag": 1}, {"tag": 2}, {"tag": 1}]}]}
                """, "saveconfig.json:2:44: $.targets[0].tpgs[2].tag: duplicate TPG tag 1 (first at $.targets[0].tpgs[0])");
    }

    @Test
    void duplicateLunIndexIsRejected() {
        assertRejected(withTpg("""
                  "luns": [{"index": 0, "storage_object": "/backstores/fileio/disk1"},
                           {"index": 0, "storage_object": "/backstores/ramdisk/rd0"}]
                """), "saveconfig.json:14:22: $.targets[0].tpgs[0].luns[1].index: "
                + "duplicate LUN index 0 (first at $.targets[0].tpgs[0].luns[0])");
    }

    @Test
    void lunPointingAtAMissingStorageObjectIsRejected() {
        assertRejected(withTpg("""
                  "luns": [{"index": 0, "storage_object": "/backstores/fileio/nosuch"},
                           {"index": 1, "storage_object": "/backstores/block/disk1"},
                           {"index": 2, "storage_object": "fileio/disk1"}]
                """), """
                saveconfig.json:13:43: $.targets[0].tpgs[0].luns[0].storage_object: \
                LUN 0 refers to missing storage object /backstores/fileio/nosuch
                saveconfig.json:14:43: $.targets[0].tpgs[0].luns[1].storage_object: \
                LUN 1 refers to missing storage object /backstores/block/disk1
                saveconfig.json:15:43: $.targets[0].tpgs[0].luns[2].storage_object: \
                malformed storage object reference "fileio/disk1" (expected /backstores/<plugin>/<name>)""");
    }

    @Test
    void lunMayNameARamdiskByItsOldPluginName() throws IOException {
        SaveConfig config = SaveConfigReader.parse(withTpg("""
                  "luns": [{"index": 0, "storage_object": "/backstores/rd_mcp/rd0"},
                           {"index": 1, "storage_object": "/backstores/ramdisk/rd0"}]
                """), "saveconfig.json");

        assertThat(config.targets().get(0).tpgs().get(0).luns()).extracting(Lun::storageObject)
                .containsExactly("/backstores/rd_mcp/rd0", "/backstores/ramdisk/rd0");
    }

    @Test
    void duplicateNodeAclIsRejected() {
        assertRejected(withTpg("""
                  "node_acls": [{"node_wwn": "iqn.1994-05.com.redhat:client1"},
                                {"node_wwn": "iqn.1994-05.com.redhat:client1"}]
                """), "saveconfig.json:14:30: $.targets[0].tpgs[0].node_acls[1].node_wwn: "
                + "duplicate node ACL iqn.1994-05.com.redhat:client1 (first at $.targets[0].tpgs[0].node_acls[0])");
    }

    @Test
    void duplicateMappedLunIndexAndMissingTpgLunAreRejected() {
        assertRejected(withTpg("""
                  "luns": [{"index": 0, "storage_object": "/backstores/fileio/disk1"}],
                  "node_acls": [{"node_wwn": "iqn.1994-05.com.redhat:client1", "mapped_luns": [
                    {"index": 0, "tpg_lun": 0},
                    {"index": 0, "tpg_lun": 0},
                    {"index": 1, "tpg_lun": 3}
                  ]}]
                """), """
                saveconfig.json:16:15: $.targets[0].tpgs[0].node_acls[0].mapped_luns[1].index: \
                duplicate mapped LUN index 0 (first at $.targets[0].tpgs[0].node_acls[0].mapped_luns[0])
                saveconfig.json:17:29: $.targets[0].tpgs[0].node_acls[0].mapped_luns[2].tpg_lun: \
                mapped LUN 1 refers to missing TPG LUN 3""");
    }

    @Test
    void lenientModeReturnsTheConfigurationAndEveryConsistencyProblem() throws IOException {
        SaveConfigReader.Result result = SaveConfigReader.parseLenient(withTpg("""
                  "luns": [{"index": 0, "storage_object": "/backstores/fileio/nosuch"}],
                  "node_acls": [{"node_wwn": "iqn.1994-05.com.redhat:client1", "mapped_luns": [
                    {"index": 0, "tpg_lun": 3}]}]
                """), "saveconfig.json");

        assertThat(result.config().targets().get(0).tpgs().get(0).luns()).hasSize(1);
        assertThat(result.problems()).extracting(SaveConfigProblem::toString).containsExactly(
                "saveconfig.json:13:43: $.targets[0].tpgs[0].luns[0].storage_object: "
                        + "LUN 0 refers to missing storage object /backstores/fileio/nosuch",
                "saveconfig.json:15:29: $.targets[0].tpgs[0].node_acls[0].mapped_luns[0].tpg_lun: "
                        + "mapped LUN 0 refers to missing TPG LUN 3");
        assertThat(result.problems().get(0).path()).isEqualTo("$.targets[0].tpgs[0].luns[0].storage_object");
    }

    @Test
    void lenientModeStillRejectsWrongTypes() {
        assertThatThrownBy(() -> SaveConfigReader.parseLenient("{\"targets\": {}}", "saveconfig.json"))
                .isInstanceOf(SaveConfigException.class)
                .hasMessage("saveconfig.json:1:13: $.targets: expected an array, got an object");
    }

    @Test
    void missingOptionalKeysStayMissing() throws IOException {
        String minimal = """
                {
                  "storage_objects": [
                    {
                      "name": "disk1",
                      "plugin": "fileio"
                    }
                  ],
                  "targets": [
                    {
                      "fabric": "tcm_fc",
                      "tpgs": [
                        {
                          "luns": [
                            {
                              "index": 0,
                              "storage_object": "/backstores/fileio/disk1"
                            }
                          ]
                        }
                      ],
                      "wwn": "naa.20000024ff3a4b5c"
                    }
                  ]
                }
                """;

        SaveConfig config = SaveConfigReader.parse(minimal, "saveconfig.json");

        assertThat(config.fabricModules()).isNull();
        StorageObject so = config.storageObjects().get(0);
        assertThat(so.size()).isNull();
        assertThat(so.attributes()).isNull();
        assertThat(so.aluaTpgs()).isNull();
        Tpg tpg = config.targets().get(0).tpgs().get(0);
        assertThat(tpg.tag()).isNull();
        assertThat(tpg.enable()).isNull();
        assertThat(tpg.portals()).isNull();
        assertThat(SaveConfigWriter.toJson(config)).isEqualTo(minimal);
    }

    @Test
    void readsAFileAndNamesItInProblems(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("saveconfig.json");
        Files.writeString(file, "{\"targets\": 5}");

        assertThatThrownBy(() -> SaveConfigReader.read(file))
                .isInstanceOf(SaveConfigException.class)
                .hasMessage(file + ":1:13: $.targets: expected an array, got integer 5");
    }

    @Test
    void fileThatIsNotUtf8IsRejectedWithTheOffendingByte(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("saveconfig.json");
        Files.write(file, "{\n  \"x\": \"caf\u00e9\"\n}".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> SaveConfigReader.read(file))
                .isInstanceOf(SaveConfigException.class)
                .hasMessage(file + ":2:12: $: not UTF-8 text (invalid byte 0xe9 at offset 13)");
    }

    @Test
    void readingDoesNotTouchTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("saveconfig.json");
        Files.writeString(file, "{\"targets\": []}");
        var before = Files.getLastModifiedTime(file);
        List<Path> listing = List.of(file);

        SaveConfigReader.read(file);

        assertThat(Files.getLastModifiedTime(file)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).isEqualTo(listing);
        }
        assertThat(Files.readString(file)).isEqualTo("{\"targets\": []}");
    }
}
