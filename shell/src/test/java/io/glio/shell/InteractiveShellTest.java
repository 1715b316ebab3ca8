package io.glio.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.terminal.Terminal;
import org.jline.terminal.Size;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JLine shell driven headless through a dumb terminal: typing, tab completion, Ctrl-D. */
class InteractiveShellTest {

    @TempDir
    Path home;
    @TempDir
    Path configDir;

    private String type(String keys) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // A dumb terminal (no pty, no system console) that still lets JLine edit and complete.
        try (Terminal t = new DumbTerminal("targetcli-test", "vt100",
                new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), out, StandardCharsets.UTF_8)) {
            t.setSize(new Size(160, 40));
            ShellSettings settings = new ShellSettings(home, configDir.resolve("saveconfig.json"), home.resolve("run"));
            int rc = new InteractiveShell(new SessionOpener(settings, home.resolve("no-service.sock"),
                    java.util.Map.of(), EngineAttacher.NONE, OracleRun::testModel, System.err)).run(t);
            assertThat(rc).isZero();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tabCompletesPathsAndCommandsFromTheModel() throws IOException {
        String screen = type("/backstores/ram\tcre\trd1 1M\r/backstores/ramdisk/r\t inf\t\r");
        assertThat(screen).contains("Created ramdisk rd1 with size 1M.", "name: rd1", "plugin: ramdisk");
    }

    @Test
    void tabCompletesParameterNamesAndBooleanValues() throws IOException {
        String screen = type("/backstores/ramdisk create rd2 4k null\tt\t\r/backstores/ramdisk/rd2 info\r");
        assertThat(screen).contains("Created ramdisk rd2 with size 4k.", "nullio: True");
    }

    @Test
    void lineReachesTheShellAsTypedWithoutQuotingOrHistoryExpansion() throws IOException {
        String screen = type("/iscsi create iqn.2003-01.org.linux-iscsi.test:t1\r"
                + "/iscsi/iqn.2003-01.org.linux-iscsi.test:t1/tpg1 set auth password=pa!ss\\x\r"
                + "/backstores/ramdisk create \"a b\" 1M\r");
        // configshell's grammar then drops the text from the backslash and from the quote on.
        assertThat(screen).contains("Parameter password is now 'pa!ss'.", "Missing required parameters 'name', 'size'");
    }

    @Test
    void endOfInputLeavesLikeExitAndSaves() throws IOException {
        String screen = type("/backstores/ramdisk create rd1 1M\r");
        assertThat(screen).contains("/> ", "exit", "Global pref auto_save_on_exit=true");
        assertThat(Files.readString(configDir.resolve("saveconfig.json"))).contains("\"name\": \"rd1\"");
        assertThat(home.resolve("history.txt")).exists();
    }

    @Test
    void promptIsShortenedToPromptLength() throws IOException {
        String screen = type("/iscsi create iqn.2003-01.org.linux-iscsi.test:target1\r"
                + "cd /iscsi/iqn.2003-01.org.linux-iscsi.test:target1/tpg1\r");
        assertThat(screen).contains("/iscsi/iqn.20...:target1/tpg1> ");
    }
}
