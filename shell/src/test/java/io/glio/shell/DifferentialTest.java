package io.glio.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each script under {@code differential/} piped through glio's shell prints what the real
 * targetcli printed for it (recorded by {@code src/test/oracle/record.sh}) on stdout and on
 * stderr, and leaves the same saveconfig.json.
 */
class DifferentialTest {

    static Stream<String> scripts() throws IOException, URISyntaxException {
        Path dir = Path.of(DifferentialTest.class.getResource("/differential").toURI());
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
            return names.stream();
        }
    }

    @AfterAll
    static void cleanUp() throws IOException {
        OracleRun.deleteTree(OracleRun.FILES);
    }

    private static String resource(String name) throws IOException {
        try (var in = DifferentialTest.class.getResourceAsStream("/differential/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Leaves both sides, normalised, in target/differential/ so a failure can be read with diff. */
    private static void keepForDiff(String name, OracleRun ours) throws IOException {
        Path dir = Path.of("target", "differential");
        Files.createDirectories(dir);
        for (String ext : List.of("out", "err", "json")) {
            String expected = resource(name + "." + ext);
            String actual = switch (ext) {
                case "out" -> ours.stdout;
                case "err" -> ours.stderr;
                default -> ours.savedJson;
            };
            Files.writeString(dir.resolve(name + ".expected." + ext), shown(ext, expected, ours));
            Files.writeString(dir.resolve(name + ".actual." + ext), shown(ext, actual, ours));
        }
    }

    private static String shown(String ext, String text, OracleRun ours) throws IOException {
        if (text == null) {
            return "";
        }
        String n = OracleRun.normalize(text, ours.configDir);
        return ext.equals("json") ? CanonicalJson.of(n) : n;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void scriptPrintsWhatTargetcliPrintsAndSavesTheSameFile(String name) throws IOException {
        OracleRun ours = OracleRun.piped(resource(name + ".txt"), resource(name + ".input.json"));
        try {
            keepForDiff(name, ours);
            assertThat(OracleRun.normalize(ours.stdout, ours.configDir)).as("stdout of " + name)
                    .isEqualTo(OracleRun.normalize(resource(name + ".out"), ours.configDir));
            assertThat(OracleRun.normalize(ours.stderr, ours.configDir)).as("stderr of " + name)
                    .isEqualTo(OracleRun.normalize(resource(name + ".err"), ours.configDir));
            String expectedJson = resource(name + ".json");
            if (expectedJson != null) {
                assertThat(ours.savedJson).as("saveconfig.json of " + name).isNotNull();
                assertThat(CanonicalJson.of(OracleRun.normalize(ours.savedJson, ours.configDir)))
                        .as("saveconfig.json of " + name)
                        .isEqualTo(CanonicalJson.of(OracleRun.normalize(expectedJson, ours.configDir)));
            }
        } finally {
            OracleRun.deleteTree(ours.configDir);
        }
    }
}
