package io.glio.saveconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaveConfigBackupsTest {
    @TempDir
    Path dir;
    Path saveFile;
    Path backupDir;
    TestClock clock;
    SaveConfigBackups backups;

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {
        Instant now;
        final ZoneId zone;

        TestClock(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return new TestClock(now, newZone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void setUp() {
        saveFile = dir.resolve("saveconfig.json");
        backupDir = dir.resolve("backup");
        clock = new TestClock(Instant.parse("2026-11-25T14:03:05Z"), ZoneOffset.UTC);
        backups = new SaveConfigBackups(clock);
    }

    private List<String> backupNames() throws IOException {
        return SaveConfigBackups.backups(backupDir).stream().map(p -> p.getFileName().toString()).toList();
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void noPreviousSaveFileMeansNoBackupButTheFolderExists() throws IOException {
        assertThat(backups.backup(saveFile, 10)).isFalse();

        assertThat(Files.isDirectory(backupDir)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backupDir))).isEqualTo("rwx------");
        assertThat(backupNames()).isEmpty();
    }

    @Test
    void previousSaveFileIsGzippedUnderATimestampedName() throws IOException {
        Files.writeString(saveFile, "{\"v\": 1}\n");

        assertThat(backups.backup(saveFile, 10)).isTrue();

        assertThat(backupNames()).containsExactly("saveconfig-20261125-14:03:05-json.gz");
        Path backup = backupDir.resolve("saveconfig-20261125-14:03:05-json.gz");
        assertThat(gunzip(backup)).isEqualTo("{\"v\": 1}\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
    }

    @Test
    void timestampIsLocalTimeOfTheClocksZone() throws IOException {
        Files.writeString(saveFile, "{}");
        SaveConfigBackups berlin = new SaveConfigBackups(
                new TestClock(Instant.parse("2026-11-25T14:03:05Z"), ZoneId.of("Europe/Berlin")));

        berlin.backup(saveFile, 10);

        assertThat(backupNames()).containsExactly("saveconfig-20261125-15:03:05-json.gz");
    }

    @Test
    void unchangedSaveFileIsNotBackedUpTwice() throws IOException {
        Files.writeString(saveFile, "{\"v\": 1}\n");
        backups.backup(saveFile, 10);
        clock.now = clock.now.plusSeconds(60);

        assertThat(backups.backup(saveFile, 10)).isFalse();

        Files.writeString(saveFile, "{\"v\": 2}\n");
        assertThat(backups.backup(saveFile, 10)).isTrue();
        assertThat(backupNames()).containsExactly("saveconfig-20261125-14:03:05-json.gz",
                "saveconfig-20261125-14:04:05-json.gz");
    }

    @Test
    void onlyTheNewestMaxBackupFilesAreKept() throws IOException {
        for (int i = 0; i < 5; i++) {
            Files.writeString(saveFile, "{\"v\": " + i + "}\n");
            assertThat(backups.backup(saveFile, 3)).isTrue();
            clock.now = clock.now.plus(Duration.ofHours(1));
        }

        assertThat(backupNames()).containsExactly("saveconfig-20261125-16:03:05-json.gz",
                "saveconfig-20261125-17:03:05-json.gz", "saveconfig-20261125-18:03:05-json.gz");
        assertThat(gunzip(backupDir.resolve("saveconfig-20261125-18:03:05-json.gz"))).isEqualTo("{\"v\": 4}\n");
    }

    @Test
    void backupFolderThatIsAFileIsReportedAsTargetcliDoes() throws IOException {
        Files.writeString(saveFile, "{}");
        Files.writeString(backupDir, "in the way");

        assertThatThrownBy(() -> backups.backup(saveFile, 10))
                .isInstanceOf(SaveConfigException.class)
                .hasMessageStartingWith("Could not create backup file "
                        + backupDir.resolve("saveconfig-20261125-14:03:05-json.gz") + ": ")
                .hasMessageEndingWith(".");
    }

    @Test
    void atLeastOneBackupMustBeKept() {
        assertThatThrownBy(() -> backups.backup(saveFile, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBackupFiles must be at least 1, got 0");
    }
}
