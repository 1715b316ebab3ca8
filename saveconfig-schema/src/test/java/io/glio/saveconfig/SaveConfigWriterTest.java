package io.glio.saveconfig;

import static io.glio.saveconfig.RoundTripTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaveConfigWriterTest {
    @TempDir
    Path dir;
    Path file;
    SaveConfig config;

    @BeforeEach
    void setUp() throws IOException {
        file = dir.resolve("saveconfig.json");
        config = SaveConfigReader.parse(resource("oracle/example.json"), "example.json");
    }

    private List<String> folderListing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void writesTheExactBytesWithMode0600AndNoTempFileLeft() throws IOException {
        SaveConfigWriter.write(config, file, false);

        assertThat(Files.readString(file)).isEqualTo(resource("oracle/example.json"));
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(folderListing()).containsExactly("saveconfig.json");
    }

    @Test
    void replacingAWorldReadableFileLeavesA0600File() throws IOException {
        Files.writeString(file, "{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        SaveConfigWriter.write(config, file, false);

        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(Files.readString(file)).isEqualTo(resource("oracle/example.json"));
    }

    @Test
    void failureBeforeTheRenameKeepsTheOriginalAndRemovesTheTempFile() throws IOException {
        Files.writeString(file, "original");
        Path[] seenTemp = new Path[1];

        assertThatThrownBy(() -> SaveConfigWriter.write(config, file, false, temp -> {
            seenTemp[0] = temp;
            assertThat(mode(temp)).isEqualTo("rw-------");
            assertThat(Files.readString(temp)).isEqualTo(resource("oracle/example.json"));
            throw new IOException("No space left on device");
        })).isInstanceOf(SaveConfigException.class)
                .hasMessage("could not save configuration to " + file + ": IOException: No space left on device");

        assertThat(seenTemp[0].getParent()).isEqualTo(dir);
        assertThat(Files.readString(file)).isEqualTo("original");
        assertThat(folderListing()).containsExactly("saveconfig.json");
    }

    @Test
    void renameFailureKeepsWhatIsThereAndRemovesTheTempFile() throws IOException {
        Files.createDirectory(file);
        Files.writeString(file.resolve("keep"), "x");

        assertThatThrownBy(() -> SaveConfigWriter.write(config, file, false))
                .isInstanceOf(SaveConfigException.class)
                .hasMessageStartingWith("could not save configuration to " + file + ": ");

        assertThat(Files.readString(file.resolve("keep"))).isEqualTo("x");
        assertThat(folderListing()).containsExactly("saveconfig.json");
    }

    @Test
    void missingFolderFailsWithoutCreatingAnything() {
        Path nowhere = dir.resolve("nosuch").resolve("saveconfig.json");

        assertThatThrownBy(() -> SaveConfigWriter.write(config, nowhere, false))
                .isInstanceOf(SaveConfigException.class)
                .hasMessageStartingWith("could not save configuration to " + nowhere + ": NoSuchFileException: ");

        assertThat(Files.exists(dir.resolve("nosuch"))).isFalse();
    }

    @Test
    void refusesToReplaceAConfigurationWithAnEmptyOne() throws IOException {
        SaveConfigWriter.write(config, file, false);

        assertThatThrownBy(() -> SaveConfigWriter.write(SaveConfig.empty(), file, false))
                .isInstanceOf(SaveConfigException.class)
                .hasMessage("refusing to replace non-empty " + file
                        + " with an empty configuration (use force to overwrite)");

        assertThat(Files.readString(file)).isEqualTo(resource("oracle/example.json"));
    }

    @Test
    void refusesToReplaceAnUnreadableFileWithAnEmptyConfiguration() throws IOException {
        Files.writeString(file, "not json but someone's data");

        assertThatThrownBy(() -> SaveConfigWriter.write(SaveConfig.empty(), file, false))
                .isInstanceOf(SaveConfigException.class)
                .hasMessageStartingWith("refusing to replace non-empty ");
        assertThat(Files.readString(file)).isEqualTo("not json but someone's data");
    }

    @Test
    void forceReplacesAConfigurationWithAnEmptyOne() throws IOException {
        SaveConfigWriter.write(config, file, false);

        SaveConfigWriter.write(SaveConfig.empty(), file, true);

        assertThat(Files.readString(file)).isEqualTo(resource("oracle/empty.json"));
    }

    @Test
    void emptyConfigurationMayReplaceNothingAZeroByteFileOrAnEmptyConfiguration() throws IOException {
        SaveConfigWriter.write(SaveConfig.empty(), file, false);
        assertThat(Files.readString(file)).isEqualTo(resource("oracle/empty.json"));

        SaveConfigWriter.write(SaveConfig.empty(), file, false);

        Files.writeString(file, "");
        SaveConfigWriter.write(SaveConfig.empty(), file, false);
        assertThat(Files.readString(file)).isEqualTo(resource("oracle/empty.json"));
    }

    @Test
    void aSymlinkedSaveFileIsReplacedAtItsTarget() throws IOException {
        Path real = Files.createDirectory(dir.resolve("shared")).resolve("real.json");
        Files.writeString(real, "{}");
        Files.createSymbolicLink(file, real);

        SaveConfigWriter.write(config, file, false);

        assertThat(Files.isSymbolicLink(file)).isTrue();
        assertThat(Files.readString(real)).isEqualTo(resource("oracle/example.json"));
        assertThat(mode(real)).isEqualTo("rw-------");
    }
}
