package io.glio.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log honours {@code logfile} and {@code loglevel_file} and rotates by size. */
class AuditLogTest {

    @TempDir
    Path home;

    @Test
    void logfilePrefChoosesTheFileAndLoglevelFileFiltersSuccesses() throws IOException {
        Prefs prefs = Prefs.load(home);
        Path custom = home.resolve("audit.log");
        prefs.set("logfile", custom.toString());
        prefs.set("loglevel_file", "error");
        AuditLog log = AuditLog.of(prefs, 1234, "alice", null);
        log.command("ls", null);
        log.command("nosuch", "Command not found nosuch");
        assertThat(Files.exists(home.resolve("log.txt"))).isFalse();
        assertThat(Files.readAllLines(custom)).singleElement().asString()
                .matches("\\[ERROR\\] \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d uid=1234\\(alice\\) nosuch: "
                        + "failed: Command not found nosuch");
    }

    @Test
    void aFullFileIsRotatedBeforeTheNextLine() throws IOException {
        Prefs prefs = Prefs.load(home);
        AuditLog log = AuditLog.of(prefs, 0, "root", null).rotatingAt(200);
        for (int i = 0; i < 5; i++) {
            log.command("/backstores/ramdisk create r" + i + " 1M", null);
        }
        Path current = home.resolve("log.txt");
        Path rotated = home.resolve("log.txt.1");
        assertThat(Files.size(rotated)).isGreaterThanOrEqualTo(200);
        assertThat(Files.size(current)).isLessThan(200);
        assertThat(Files.readString(rotated) + Files.readString(current)).contains("create r3 1M: ok");
        assertThat(Files.readString(current)).contains("create r4 1M: ok");
    }

    @Test
    void inMemoryPreferencesWriteNoLog() throws IOException {
        AuditLog.ofThisProcess(Prefs.inMemory()).command("ls", null);
        try (var files = Files.list(home)) {
            assertThat(files).isEmpty();
        }
    }
}
