package io.glio.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three ways in: one-shot words, commands on stdin, and the command-line options. */
class MainTest {

    @TempDir
    Path home;
    @TempDir
    Path configDir;

    private OracleRun run(String stdin, String... args) throws IOException {
        return OracleRun.run(stdin, home, configDir, args);
    }

    private Path config() {
        return configDir.resolve("saveconfig.json");
    }

    @Test
    void helpDescribesTheCommandLineAndExitsZero() throws IOException {
        OracleRun r = run("", "--help");
        assertThat(r.exitCode).isZero();
        assertThat(r.stdout).contains("Usage: targetcli", "--config=FILE", "--exit-on-error", "COMMAND");
    }

    @Test
    void versionPrintsTheTargetcliVersion() throws IOException {
        OracleRun r = run("", "--version");
        assertThat(r.exitCode).isZero();
        assertThat(r.stdout).startsWith("targetcli version 2.1.53");
    }

    @Test
    void shortVersionOptionsPrintWhatVersionPrints() throws IOException {
        String version = run("", "--version").stdout;
        for (String flag : List.of("-v", "-V")) {
            OracleRun r = run("", flag);
            assertThat(r.exitCode).isZero();
            assertThat(r.stdout).as(flag).isEqualTo(version);
            assertThat(r.stderr).as(flag).isEmpty();
        }
    }

    @Test
    void completeOffersWhatTheShellCompleterOffersForTheOneShotLine() throws IOException {
        run("", "/backstores/ramdisk", "create", "rd1", "1M");
        assertThat(run("", "--complete", "/backstores/r").stdout).isEqualTo("/backstores/ramdisk/\n");
        assertThat(run("", "--complete", "/backstores/ramdisk delete ").stdout.lines()).contains("rd1", "name=");
        assertThat(run("", "--complete", "set global loglevel_console=w").stdout).isEqualTo("loglevel_console=warning\n");
        OracleRun nothing = run("", "--complete", "/nosuch/");
        assertThat(nothing.exitCode).isZero();
        assertThat(nothing.stdout + nothing.stderr).isEmpty();
    }

    @Test
    void oneShotReadOnlyCommandPrintsAndSavesNothing() throws IOException {
        OracleRun r = run("", "ls", "/", "1");
        assertThat(r.exitCode).isZero();
        assertThat(r.stdout).startsWith("o- / ").contains("  o- iscsi ").doesNotContain("/>");
        assertThat(config()).doesNotExist();
    }

    @Test
    void oneShotErrorGoesToStderrWithExitOne() throws IOException {
        OracleRun r = run("", "/backstores/ramdisk", "create", "rd1", "1x");
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(r.stderr).isEqualTo("Cannot interpret size, wrong format: 1x\n");
        assertThat(config()).doesNotExist();
    }

    @Test
    void oneShotChangeIsSavedAndSeenByTheNextCommand() throws IOException {
        OracleRun created = run("", "/backstores/ramdisk", "create", "rd1", "1M");
        assertThat(created.exitCode).isZero();
        assertThat(created.stdout).isEqualTo("Created ramdisk rd1 with size 1M.\n");
        assertThat(config()).exists();

        OracleRun listed = run("", "ls", "/backstores/ramdisk");
        assertThat(listed.stdout).contains("o- rd1 ", "[(1.0MiB) deactivated]");
    }

    @Test
    void pipedCommandsAfterAnErrorStillRunByDefault() throws IOException {
        OracleRun r = run("nosuch\n/backstores/ramdisk create rd1 1M\n");
        assertThat(r.exitCode).isZero();
        assertThat(r.stderr).isEqualTo("Command not found nosuch\n");
        assertThat(r.stdout).contains("Created ramdisk rd1 with size 1M.", "Configuration saved to " + config());
    }

    @Test
    void exitOnErrorStopsAtTheFirstFailureWithoutSaving() throws IOException {
        OracleRun r = run("/backstores/ramdisk create rd1 1M\nnosuch\n/backstores/ramdisk create rd2 1M\n",
                "--exit-on-error");
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(r.stderr).isEqualTo("Command not found nosuch\nAborting run on error.\n");
        assertThat(r.stdout).doesNotContain("rd2");
        assertThat(config()).doesNotExist();
    }

    @Test
    void pipedShellRestoresTheConfigurationAndResumesTheLastPath() throws IOException {
        run("/iscsi create iqn.2003-01.org.linux-iscsi.test:t1\ncd /iscsi/iqn.2003-01.org.linux-iscsi.test:t1/tpg1\n");
        OracleRun second = run("pwd\n");
        assertThat(second.stdout).contains("/iscsi/iqn.2003-01.org.linux-iscsi.test:t1/tpg1\n");
    }

    @Test
    void preferencesAndBookmarksLastAcrossRuns() throws IOException {
        run("set global auto_add_default_portal=false\ncd /iscsi\nbookmarks add fab\n");
        OracleRun second = run("get global auto_add_default_portal\n/iscsi create iqn.2003-01.org.linux-iscsi.test:t1\n"
                + "cd @fab\npwd\n");
        assertThat(second.stdout).contains("auto_add_default_portal=false ", "Created TPG 1.", "/iscsi\n")
                .doesNotContain("Created default portal");
    }

    @Test
    void unreadableConfigurationIsReportedAndNotOverwritten() throws IOException {
        Files.writeString(config(), "{ not json");
        OracleRun r = run("ls / 0\n");
        assertThat(r.stderr).startsWith("Could not restore " + config());
        assertThat(Files.readString(config())).isEqualTo("{ not json");
    }

    @Test
    void oneShotChangeIsNotSavedOverAnUnreadableConfiguration() throws IOException {
        Files.writeString(config(), "{ not json");
        OracleRun r = run("", "/backstores/ramdisk", "create", "rd1", "1M");
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(r.stderr).contains("Not saving: " + config());
        assertThat(Files.readString(config())).isEqualTo("{ not json");
    }

    /** Two ramdisks, the second with a size that is not a number. */
    private static final String PARTLY_INVALID = """
            {"fabric_modules": [], "targets": [],
             "storage_objects": [
               {"name": "good", "plugin": "ramdisk", "size": 1048576, "wwn": "w1"},
               {"name": "bad", "plugin": "ramdisk", "size": "abc", "wwn": "w2"}]}
            """;

    @Test
    void aConfigurationRestoredWithSkippedEntriesIsNotSavedAutomatically() throws IOException {
        Files.writeString(config(), PARTLY_INVALID);
        OracleRun r = run("ls /backstores/ramdisk 1\n");
        assertThat(r.stdout + r.stderr).contains("storage_objects[1].size: expected an integer, got string \"abc\", skipped",
                "Not saving automatically: " + config() + " had 1 invalid entries that were skipped at restore; "
                        + "fix them or use saveconfig to replace the file.");
        assertThat(r.stdout).contains("good").doesNotContain("Global pref auto_save_on_exit=true");
        assertThat(Files.readString(config())).isEqualTo(PARTLY_INVALID);
    }

    @Test
    void anExplicitSaveconfigReplacesAPartlyInvalidConfiguration() throws IOException {
        Files.writeString(config(), PARTLY_INVALID);
        OracleRun r = run("saveconfig\n");
        assertThat(r.stdout + r.stderr).doesNotContain("Not saving automatically");
        assertThat(Files.readString(config())).contains("\"good\"").doesNotContain("\"bad\"");
    }

    @Test
    void oneShotChangeIsNotSavedOverAPartlyInvalidConfiguration() throws IOException {
        Files.writeString(config(), PARTLY_INVALID);
        OracleRun r = run("", "/backstores/ramdisk", "create", "rd1", "1M");
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(r.stderr).contains("Not saving: " + config() + " had 1 invalid entries");
        assertThat(Files.readString(config())).isEqualTo(PARTLY_INVALID);
    }

    @Test
    void engineIsAttachedBeforeTheRestoreAndClosedAtExit() throws IOException {
        run("/backstores/ramdisk create rd1 1M\n");
        List<String> seen = new ArrayList<>();
        boolean[] closed = {false};
        EngineAttacher recording = (model, runDir) -> {
            model.addListener(e -> seen.add(e.getClass().getSimpleName()));
            return new EngineAttacher.Attached() {
                @Override
                public SessionSource sessions() {
                    return SessionSource.NONE;
                }

                @Override
                public void close() {
                    closed[0] = true;
                }
            };
        };
        Main.run(new String[0], recording, new ByteArrayInputStream("ls\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()),
                ShellTestEnv.of(home, config()),
                OracleRun::testModel);
        assertThat(seen).isNotEmpty();
        assertThat(closed[0]).isTrue();
    }

    @Test
    void engineThatCannotStartIsReportedAndTheShellStillWorks() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Main.run(new String[0], (model, runDir) -> {
                    throw new IllegalStateException("0.0.0.0:3260 is already in use");
                }, new ByteArrayInputStream("/backstores/ramdisk create rd1 1M\nsessions\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                ShellTestEnv.of(home, config()),
                OracleRun::testModel);
        assertThat(rc).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("Target not served, the engine did not start: 0.0.0.0:3260 is already in use\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Created ramdisk rd1 with size 1M.",
                "No target is being served by this shell (no engine attached).");
        assertThat(Files.readString(config())).contains("\"name\": \"rd1\"");
    }

    @Test
    void configLocationPrefersOptionThenEnvironmentThenUserFolder() {
        Path opt = Path.of("/x/opt.json");
        assertThat(ShellSettings.resolve(opt, Map.of("TARGETCLI_CONFIG", "/x/env.json"), "/home/u", false)
                .configFile()).isEqualTo(opt);
        assertThat(ShellSettings.resolve(null, Map.of("TARGETCLI_CONFIG", "/x/env.json"), "/home/u", false)
                .configFile()).isEqualTo(Path.of("/x/env.json"));
        assertThat(ShellSettings.resolve(null, Map.of(), "/home/u", false).configFile())
                .isEqualTo(Path.of("/home/u/.targetcli/saveconfig.json"));
        assertThat(ShellSettings.resolve(null, Map.of(), "/root", true).configFile())
                .isEqualTo(Path.of("/etc/target/saveconfig.json"));
        assertThat(ShellSettings.resolve(null, Map.of("TARGETCLI_HOME", "/x/h"), "/home/u", false).home())
                .isEqualTo(Path.of("/x/h"));
    }

    @Test
    void runDirPrefersOptionThenEnvironmentThenRootOrHome() {
        Map<String, String> env = Map.of("GLIO_RUN_DIR", "/x/env-run", "TARGETCLI_HOME", "/x/h");
        assertThat(ShellSettings.resolve(null, Path.of("/x/opt-run"), env, "/home/u", false).runDir())
                .isEqualTo(Path.of("/x/opt-run"));
        assertThat(ShellSettings.resolve(null, env, "/home/u", false).runDir()).isEqualTo(Path.of("/x/env-run"));
        assertThat(ShellSettings.resolve(null, Map.of("TARGETCLI_HOME", "/x/h"), "/home/u", false).runDir())
                .isEqualTo(Path.of("/x/h/run"));
        assertThat(ShellSettings.resolve(null, Map.of(), "/root", true).runDir()).isEqualTo(Path.of("/run/glio"));
    }
}
