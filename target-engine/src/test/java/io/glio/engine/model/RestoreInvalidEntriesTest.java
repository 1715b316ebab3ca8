package io.glio.engine.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real-world saveconfig.json with one field corrupted: the entry holding it is skipped with
 * one line naming its JSON path, everything else is restored, the file is left as it was.
 */
class RestoreInvalidEntriesTest {

    private static final String FIXTURE = "multi-target-chap-eui.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The fixture with {@code pointer} (a JSON pointer) set to {@code json}, written as rtslib would not. */
    private Path corrupted(String pointer, String json) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(Files.readString(TestEnv.fixture(FIXTURE)));
        int slash = pointer.lastIndexOf('/');
        ((ObjectNode) root.at(pointer.substring(0, slash))).set(pointer.substring(slash + 1), JSON.readTree(json));
        Path file = dir.resolve("saveconfig.json");
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        return file;
    }

    private static int luns(TargetModel model) {
        return model.targets().stream().flatMap(t -> t.tpgs().stream()).mapToInt(t -> t.luns().size()).sum();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        // iscsi_sdc is LUN 1 of target1's TPG 1, mapped by no ACL.
        "/storage_objects/1/readonly | \"no\" | storage_objects[1].readonly: expected a boolean, got string \"no\", skipped;"
            + "targets[5].tpgs[1].luns[1].storage_object: LUN 1 refers to missing storage object /backstores/block/iscsi_sdc, skipped"
            + " | 4 | 4",
        "/storage_objects/1/plugin | \"floppy\" | storage_objects[1].plugin: unknown plugin \"floppy\" (expected fileio, block, pscsi, ramdisk or user), skipped;"
            + "targets[5].tpgs[1].luns[1].storage_object: LUN 1 refers to missing storage object /backstores/block/iscsi_sdc, skipped"
            + " | 4 | 4",
        "/storage_objects/4/size | \"abc\" | storage_objects[4].size: expected an integer, got string \"abc\", skipped;"
            + "targets[5].tpgs[1].luns[4].storage_object: LUN 4 refers to missing storage object /backstores/fileio/iscsi_file3, skipped"
            + " | 4 | 4",
        "/targets/0/tpgs/0/enable | \"yes\" | targets[0].tpgs[0].enable: expected a boolean, got string \"yes\", skipped | 5 | 5",
        "/targets/5/tpgs/1/luns/4/storage_object | \"/backstores/fileio/gone\" | "
            + "targets[5].tpgs[1].luns[4].storage_object: LUN 4 refers to missing storage object /backstores/fileio/gone, skipped | 5 | 4",
        "/targets/5/tpgs/1/node_acls/1/mapped_luns/0/tpg_lun | 9 | "
            + "targets[5].tpgs[1].node_acls[1].mapped_luns[0].tpg_lun: mapped LUN 6 refers to missing TPG LUN 9, skipped | 5 | 5",
    })
    void oneCorruptedFieldSkipsOnlyItsEntryAndWhatPointsAtIt(String pointer, String value, String lines,
                                                            int storageObjects, int luns) throws Exception {
        Path file = corrupted(pointer, value);
        byte[] before = Files.readAllBytes(file);
        TargetModel model = TestEnv.model();

        List<String> errors = model.restoreFromFile(file, RestoreOptions.ALL);

        List<String> expected = List.of(lines.split(";"));
        assertThat(errors).containsExactlyElementsOf(expected);
        assertThat(model.storageObjects()).hasSize(storageObjects);
        assertThat(model.targets()).hasSize(7);
        assertThat(luns(model)).isEqualTo(luns);
        assertThat(model.partialRestore()).hasValueSatisfying(p -> {
            assertThat(p.file()).isEqualTo(file.toAbsolutePath());
            assertThat(p.skipped()).containsExactlyElementsOf(expected);
        });
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aSkippedStorageObjectSkipsTheLunsExportingItAndTheirMappedLuns() throws Exception {
        // iscsi_file1 is LUN 2 of target1's TPG 1, mapped as LUN 1 for lszhu.init.
        Path file = corrupted("/storage_objects/2/size", "-5");
        TargetModel model = TestEnv.model();

        List<String> errors = model.restoreFromFile(file, RestoreOptions.ALL);

        assertThat(errors).containsExactly(
                "storage_objects[2].size: expected an integer from 0 to 9223372036854775807, got -5, skipped",
                "targets[5].tpgs[1].luns[2].storage_object: LUN 2 refers to missing storage object "
                        + "/backstores/fileio/iscsi_file1, skipped",
                "targets[5].tpgs[1].node_acls[1].mapped_luns[2].tpg_lun: mapped LUN 1 refers to missing TPG LUN 2, skipped");
        Tpg tpg = model.target(Fabric.ISCSI, "iqn.2016-12.suse.com.target1").orElseThrow().tpg(1).orElseThrow();
        assertThat(tpg.luns()).extracting(Lun::index).containsExactly(0, 1, 3, 4);
        assertThat(tpg.nodeAcl("iqn.2016-12.suse.com.lszhu.init").orElseThrow().mappedLuns())
                .extracting(MappedLun::index).containsExactly(6, 2);
    }

    @Test
    void anExplicitSaveOfThatFileEndsThePartialState() throws Exception {
        Path file = corrupted("/storage_objects/0/readonly", "\"no\"");
        TargetModel model = TestEnv.model();
        model.restoreFromFile(file, RestoreOptions.ALL);
        assertThat(model.partialRestore()).isPresent();

        model.saveToFile(dir.resolve("elsewhere.json"), true);
        assertThat(model.partialRestore()).isPresent();
        model.saveToFile(file, true);
        assertThat(model.partialRestore()).isEmpty();
    }

    @Test
    void aValidFileLeavesNoPartialState() throws Exception {
        TargetModel model = TestEnv.model();
        assertThat(model.restoreFromFile(TestEnv.fixture(FIXTURE), RestoreOptions.ALL)).isEmpty();
        assertThat(model.partialRestore()).isEmpty();
    }
}
