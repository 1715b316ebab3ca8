package io.glio.saveconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoundTripTest {

    static String resource(String name) throws IOException {
        try (InputStream in = RoundTripTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"block-iscsi-generated-acls", "multi-target-chap-eui", "tcm_fc-alua-old-format"})
    void realWorldFilesSaveAsPythonJsonDumpsWould(String name) throws IOException {
        String original = resource("real-world/" + name + ".json");
        String expected = resource("real-world/" + name + ".expected");

        SaveConfig config = SaveConfigReader.parse(original, name + ".json");

        assertThat(SaveConfigWriter.toJson(config)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"oracle/example.json", "oracle/backstores.json", "oracle/fabrics.json", "oracle/empty.json"})
    void oracleFilesRoundTripByteForByte(String name) throws IOException {
        String original = resource(name);

        assertThat(SaveConfigWriter.toJson(SaveConfigReader.parse(original, name))).isEqualTo(original);
    }

    @Test
    void compactJsonIsNotJsonBecauseOfItsEllipsesAndIsRejectedAtTheFirstOne() throws IOException {
        // compact.json is the reference doc's abbreviated print ("…" stands for repeated blocks).
        String compact = resource("oracle/compact.json");

        assertThatThrownBy(() -> SaveConfigReader.parse(compact, "compact.json"))
                .isInstanceOf(SaveConfigException.class)
                .hasMessage("compact.json:39:20: $.storage_objects[1]: invalid JSON: "
                        + "unexpected character '\u2026': expected a JSON value");
    }

    @Test
    void compactJsonWithItsEllipsesExpandedSavesAsPythonWould() throws IOException {
        // "…" replaced by the fileio entry's blocks, as the reference doc says they stand for.
        String expanded = resource("oracle/compact-expanded.json");

        SaveConfig config = SaveConfigReader.parse(expanded, "compact-expanded.json");

        assertThat(config.storageObjects()).extracting(StorageObject::plugin)
                .containsExactly("fileio", "ramdisk", "block", "user");
        assertThat(SaveConfigWriter.toJson(config)).isEqualTo(resource("oracle/compact-expanded.expected"));
    }
}
