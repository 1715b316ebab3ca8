package io.glio.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.glio.engine.model.Fabric;
import io.glio.engine.model.TargetModel;
import io.glio.shell.service.ShellService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same command scripts piped to an embedded shell and to a shell attached to a service
 * print the same text: the only differences are the banner's "Attached to" line and what
 * exit does with the configuration (the embedded shell saves it, the service keeps it).
 */
class AttachedOutputTest {

    private static final String IQN = "iqn.2003-01.org.linux-iscsi.attach:t1";
    private static final String TPG = "/iscsi/" + IQN + "/tpg1";

    @TempDir
    Path tmp;
    private ShellService service;
    private Path serviceConfig;
    private Path socket;

    @BeforeEach
    void startService() throws IOException {
        Files.createDirectories(tmp.resolve("service"));
        serviceConfig = tmp.resolve("service/saveconfig.json");
        socket = tmp.resolve("service/t.sock");
        TargetModel model = OracleRun.testModel();
        service = new ShellService(model, SERVING_LOOPBACK.attach(model, tmp.resolve("run")), serviceConfig, socket);
        service.start();
    }

    @AfterEach
    void stopService() {
        service.close();
    }

    private record Run(int rc, String out, String err) {
    }

    /**
     * An engine that serves nothing but reports each loopback target's NBD socket where the
     * served engine puts it ({@code ServedEngineTest} checks the real one binds there).
     */
    private static final EngineAttacher SERVING_LOOPBACK = (model, runDir) -> new EngineAttacher.Attached() {
        @Override
        public SessionSource sessions() {
            return OracleRun.SERVING_NOTHING.attach(model, runDir).sessions();
        }

        @Override
        public LoopbackSockets loopbackSockets() {
            return wwn -> model.snapshot().target(Fabric.LOOPBACK, wwn)
                    .map(t -> runDir.resolve("loopback").resolve(wwn + ".sock"));
        }

        @Override
        public void close() {
        }
    };

    private Run attached(String script, String... args) throws IOException {
        Path home = Files.createDirectories(tmp.resolve("attached-home"));
        return main(script, home, serviceConfig, socket, args);
    }

    private Run embedded(String script, String... args) throws IOException {
        Path home = Files.createDirectories(tmp.resolve("embedded-home"));
        Path config = Files.createDirectories(tmp.resolve("embedded")).resolve("saveconfig.json");
        return main(script, home, config, tmp.resolve("no-service.sock"), args);
    }

    private static Run main(String script, Path home, Path config, Path sock, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Main.run(args, SERVING_LOOPBACK, new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                ShellTestEnv.of(home, config, sock), OracleRun::testModel);
        return new Run(rc, normalize(out, home, config), normalize(err, home, config));
    }

    private static String normalize(ByteArrayOutputStream text, Path home, Path config) {
        return OracleRun.normalize(text.toString(StandardCharsets.UTF_8).replace(home.toString(), "@HOME@"),
                config.getParent());
    }

    /** Everything up to the final "exit" the loop prints; the attach line dropped. */
    private static String body(String out) {
        String s = out.replaceAll("Attached to the targetcli service on .* \\(pid \\d+\\)\\.\n", "");
        return s.substring(0, s.lastIndexOf("exit\n") + 5);
    }

    @Test
    void pipedScriptPrintsTheSameBothWays() throws IOException {
        String script = String.join("\n",
                "ls", "nosuch", "/backstores/ramdisk create rd1 1M", "/backstores/ramdisk create rd1 1M",
                "/backstores/fileio create f1 " + tmp.resolve("f1.img") + " 2M",
                "/backstores/ramdisk create rd2 1x", "cd /backstores/ramdisk/rd1", "info", "get attribute block_size",
                "set attribute emulate_tpu=1", "get attribute emulate_tpu", "set attribute nosuch=1",
                "bookmarks add here", "cd /", "cd @here", "pwd", "bookmarks show", "cd @nope",
                "/iscsi create " + IQN, TPG + "/portals delete 0.0.0.0 3260", TPG + "/luns create /backstores/ramdisk/rd1",
                TPG + "/acls create iqn.1994-05.com.example:c1", "ls / 3", "sessions", "sessions detail",
                "/backstores/ramdisk delete rd2", "/backstores/ramdisk delete rd1", "ls /backstores", "get global",
                "set global tree_max_depth=2", "ls /", "saveconfig", "help cd", "cd", "pwd", "");
        Run e = embedded(script);
        // The same backing file path both ways (ls shows it), created afresh.
        Files.delete(tmp.resolve("f1.img"));
        Run a = attached(script);
        assertThat(a.rc).isEqualTo(e.rc).isZero();
        assertThat(a.err).isEqualTo(e.err).contains("Command not found nosuch", "No such bookmark nope");
        // Bare cd without a terminal prints the tree from / and stays.
        assertThat(e.out).containsPattern("> o- / \\.+ \\[\\.\\.\\.\\]\n  o- backstores ");
        assertThat(body(a.out)).isEqualTo(body(e.out)).contains("Created ramdisk rd1 with size 1M.",
                "Configuration saved to @CONFIG_DIR@/saveconfig.json", "o- rd1 ");
        assertThat(a.out).contains("Attached to the targetcli service on @CONFIG_DIR@/t.sock (pid ")
                .endsWith("exit\nThe targetcli service keeps the configuration: saveconfig saves it.\n");
        assertThat(e.out).endsWith("exit\nGlobal pref auto_save_on_exit=true\nLast 10 configs saved in @CONFIG_DIR@/backup/.\n"
                + "Configuration saved to @CONFIG_DIR@/saveconfig.json\n");
        assertThat(Files.readString(serviceConfig)).contains("\"wwn\": \"" + IQN + "\"");
    }

    @Test
    void lsAndInfoShowTheLoopbackSocketTheSameBothWays() throws IOException {
        String wwn = "naa.5001405a1b2c3d4e";
        String script = String.join("\n", "/backstores/ramdisk create lr 1M", "/loopback create " + wwn,
                "/loopback/" + wwn + "/luns create /backstores/ramdisk/lr", "ls /loopback", "/loopback/" + wwn + " info",
                "");
        // The embedded shell serves under --run-dir; the service was given the same folder.
        Run e = embedded(script, "--run-dir", tmp.resolve("run").toString());
        Run a = attached(script);
        // The normalized output shows the wwn's serial as @HEX@.
        String shown = "naa.5001405@HEX@";
        String sock = tmp.resolve("run/loopback/" + shown + ".sock").toString();
        assertThat(a.err).isEqualTo(e.err).isEmpty();
        assertThat(body(a.out)).isEqualTo(body(e.out)).contains("o- " + shown + " ", "nbd " + sock + "]",
                "nbd_socket: " + sock + "\n");
    }

    @Test
    void exitOnErrorStopsTheSameWayAndOneShotErrorsKeepExitOne() throws IOException {
        String script = "/backstores/ramdisk create r1 1M\nnosuch\n/backstores/ramdisk create r2 1M\n";
        Run e = embedded(script, "-e");
        Run a = attached(script, "-e");
        assertThat(a.rc).isEqualTo(e.rc).isEqualTo(1);
        assertThat(a.err).isEqualTo(e.err).isEqualTo("Command not found nosuch\nAborting run on error.\n");
        assertThat(body(a.out + "exit\n")).isEqualTo(body(e.out + "exit\n"));

        Run oneShotE = embedded("", "/backstores/ramdisk", "create", "x", "1x");
        Run oneShotA = attached("", "/backstores/ramdisk", "create", "x", "1x");
        assertThat(oneShotA).isEqualTo(oneShotE).isEqualTo(new Run(1, "", "Cannot interpret size, wrong format: 1x\n"));
        Run lsA = attached("", "ls", "/backstores/ramdisk");
        assertThat(lsA.rc).isZero();
        assertThat(lsA.out).contains("o- r1 ").doesNotContain("r2").doesNotContain("Attached");
    }

    @Test
    void aChangeFromOneShellIsSeenByTheNextCommandOfAnother() throws IOException {
        assertThat(attached("", "/backstores/ramdisk", "create", "seen", "1M").out)
                .isEqualTo("Created ramdisk seen with size 1M.\n");
        assertThat(Files.exists(serviceConfig)).as("a one-shot in the service saves nothing").isFalse();
        assertThat(attached("ls /backstores/ramdisk\n").out).contains("o- seen ");
    }

    @Test
    void theLogHoldsEachCommandOfAPipedSessionWithItsResultBothWays() throws IOException {
        String script = "/backstores/ramdisk create lg 1M\nnosuch\nls /backstores\n";
        embedded(script);
        attached(script);
        int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        String who = "uid=" + uid + "(" + System.getProperty("user.name") + ") ";
        for (String home : List.of("embedded-home", "attached-home")) {
            Path log = tmp.resolve(home).resolve("log.txt");
            assertThat(Files.readAllLines(log)).as(home)
                    .map(l -> l.replaceFirst("^(\\[\\w+\\]) \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d ", "$1 "))
                    // The embedded shell's exit then saves ("/ saveconfig"); the service keeps the configuration.
                    .startsWith("[INFO] " + who + "/backstores/ramdisk create lg 1M: ok",
                            "[ERROR] " + who + "nosuch: failed: Command not found nosuch",
                            "[INFO] " + who + "ls /backstores: ok", "[INFO] " + who + "exit: ok");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
        }
    }
}
