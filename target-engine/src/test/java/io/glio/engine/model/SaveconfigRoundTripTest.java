package io.glio.engine.model;

import io.glio.saveconfig.SaveConfig;
import io.glio.saveconfig.SaveConfigReader;
import io.glio.saveconfig.SaveConfigWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SaveconfigRoundTripTest {

    @ParameterizedTest
    @ValueSource(strings = {"block-iscsi-generated-acls.json", "multi-target-chap-eui.json",
            "tcm_fc-alua-old-format.json", "example.json"})
    void restoreThenSaveWritesWhatRtslibWouldWrite(String name) throws Exception {
        Path file = TestEnv.fixture(name);
        String text = Files.readString(file);
        SaveConfig parsed = SaveConfigReader.parse(text, name);
        String expected = SaveConfigWriter.toJson(parsed);
        TargetModel model = TestEnv.model();

        var errors = model.restoreFromFile(file, RestoreOptions.ALL);

        assertThat(errors).isEmpty();
        assertThat(model.toJson()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"block-iscsi-generated-acls.json", "example.json"})
    void filesWrittenByCurrentRtslibComeBackByteForByte(String name) throws Exception {
        Path file = TestEnv.fixture(name);
        TargetModel model = TestEnv.model();

        model.restoreFromFile(file, RestoreOptions.ALL);

        assertThat(model.toJson()).isEqualTo(Files.readString(file));
    }
}
