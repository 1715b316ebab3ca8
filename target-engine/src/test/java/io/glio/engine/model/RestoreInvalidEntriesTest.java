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
        // iscsi_sdc is LUN 1 of target1's TPG 1, mapped by no ACL: the restore skips that LUN.
        "/storage_objects/1/readonly | \"no\" | storage_objects[1].readonly: expected a boolean, got string \"no\", skipped | "
            + "Could not find matching StorageObject for LUN 1, skipped | 4 | 4",
        "/storage_objects/4/size | \"abc\" | storage_objects[4].size: expected an integer, got string \"abc\", skipped | "
            + "Could not find matching StorageObject for LUN 4, skipped | 4 | 4",
        "/storage_objects/4/size | -5 | storage_objects[4].size: expected an integer from 0 to 9223372036854775807, got -5, "
            + "skipped | Could not find matching StorageObject for LUN 4, skipped | 4 | 4",
        "/targets/0/tpgs/0/enable | \"yes\" | targets[0].tpgs[0].enable: expected a boolean, got string \"yes\", skipped | "
            + " | 5 | 5",
        "/targets/5/tpgs/1/node_acls/1/mapped_luns/0/tpg_lun | \"0\" | targets[5].tpgs[1].node_acls[1].mapped_luns[0].tpg_lun: "
            + "expected an integer, got string \"0\", skipped |  | 5 | 5",
    })
    void oneCorruptedFieldSkipsOnlyItsEntry(String pointer, String value, String line, String rtslibLine,
                                            int storageObjects, int luns) throws Exception {
        Path file = corrupted(pointer, value);
        byte[] before = Files.readAllBytes(file);
        TargetModel model = TestEnv.model();

        List<String> errors = model.restoreFromFile(file, RestoreOptions.ALL);

        assertThat(errors).containsExactlyElementsOf(rtslibLine == null ? List.of(line) : List.of(line, rtslibLine));
        assertThat(model.storageObjects()).hasSize(storageObjects);
        assertThat(model.targets()).hasSize(7);
        assertThat(luns(model)).isEqualTo(luns);
        assertThat(model.partialRestore()).hasValueSatisfying(p -> {
            assertThat(p.file()).isEqualTo(file.toAbsolutePath());
            assertThat(p.skipped()).containsExactly(line);
        });
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void entriesRtslibSkipsItselfKeepRtslibsTextsAndLeaveNoPartialState() throws Exception {
        Path file = corrupted("/targets/5/tpgs/1/luns/4/storage_object", "\"/backstores/fileio/gone\"");
        TargetModel model = TestEnv.model();

        assertThat(model.restoreFromFile(file, RestoreOptions.ALL))
                .containsExactly("Could not find matching StorageObject for LUN 4, skipped");
        assertThat(model.partialRestore()).isEmpty();
    }

    @Test
    void aSkippedTargetIsOneLineEvenWithSeveralBadFields() throws Exception {
        Path file = corrupted("/targets/6/tpgs", "{}");
        Files.writeString(file, Files.readString(file).replace("\"iqn.2016-12.suse.com.target2\"", "7"));
        TargetModel model = TestEnv.model();

        assertThat(model.restoreFromFile(file, RestoreOptions.ALL)).containsExactly(
                "targets[6].tpgs: expected an array, got an object, skipped");
        assertThat(model.targets()).hasSize(6);
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
