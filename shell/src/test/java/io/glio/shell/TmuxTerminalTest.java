package io.glio.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shell on a real pseudo-terminal inside tmux, on its own and attached to a {@code targetcli
 * serve} process: keys are typed (Tab included) and the screen is read back. Skipped, with the reason, where tmux is not installed; under CI=true that fails.
 */
class TmuxTerminalTest {

    private final String socket = "glio-shell-test-" + ProcessHandle.current().pid();

    @TempDir
    Path home;
    @TempDir
    Path configDir;

    private static boolean tmuxInstalled() {
        return installed("tmux", "-V");
    }

    private static boolean installed(String... versionCommand) {
        try {
            return new ProcessBuilder(versionCommand).redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    /** Waits until the screen shows {@code text} (the JVM's start-up time varies). */
    private String screenShowing(String text) throws IOException, InterruptedException {
        String screen = "";
        for (int i = 0; i < 100 && !screen.contains(text); i++) {
            Thread.sleep(100);
            screen = tmux("capture-pane", "-p");
        }
        return screen;
    }

    @AfterEach
    void stopTmux() throws IOException, InterruptedException {
        if (tmuxInstalled()) {
            tmux("kill-server");
        }
    }

    /** Skips where tmux is missing (fails under CI=true instead). */
    private static void requireTmux() {
        if ("true".equals(System.getenv("CI"))) {
            assertThat(tmuxInstalled()).as("tmux is installed (scripts/test installs it)").isTrue();
        }
        assumeTrue(tmuxInstalled(), "tmux is not installed");
    }

    /** Starts {@code targetcli} in a tmux pane with the given environment; the pane stays after it ends. */
    private void startShell(Path config, Path socket) throws IOException, InterruptedException {
        Path script = executable(home.resolve("run.sh"), targetcli(config, socket, "")
                + "\necho \"exit status $?\"\nsleep 60\n");
        tmux("new-session", "-d", "-x", "140", "-y", "40", script.toString());
    }

    /** The command line running this build's targetcli with the test's environment, then {@code args}. */
    private String targetcli(Path config, Path socket, String args) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return ShellTestEnv.envCommand(home, config, socket) + " '" + java + "' -cp '"
                + System.getProperty("java.class.path") + "' io.glio.shell.Main" + args;
    }

    private static Path executable(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body);
        file.toFile().setExecutable(true);
        return file;
    }

    @Test
    void typingWithTabCompletionShowsTheTreeOnTheScreen() throws IOException, InterruptedException {
        requireTmux();
        startShell(configDir.resolve("saveconfig.json"), home.resolve("no-service.sock"));
        // tmux trims trailing blanks: the empty prompt reads "/>".
        assertThat(screenShowing("\n/>")).contains("targetcli shell version 2.1.53");

        tmux("send-keys", "/backstores/ram", "Tab", "cre", "Tab", "rd1 1M", "Enter");
        assertThat(screenShowing("Created ramdisk rd1 with size 1M.")).contains("/> /backstores/ramdisk create rd1 1M");

        tmux("send-keys", "ls /backstores/ramdisk", "Enter");
        String screen = screenShowing("default_tg_pt_gp");
        assertThat(screen).contains("o- ramdisk ", "[Storage Objects: 1]", "o- rd1 ", "[(1.0MiB) deactivated]");

        tmux("send-keys", "C-d");
        assertThat(screenShowing("exit status")).contains("Global pref auto_save_on_exit=true",
                "Configuration saved to", "exit status 0");
    }

    @Test
    void cdWithoutAPathOpensTheTreePickerWhereArrowsMoveEnterGoesAndQOrEscStays() throws Exception {
        requireTmux();
        startShell(configDir.resolve("saveconfig.json"), home.resolve("no-service.sock"));
        assertThat(screenShowing("\n/>")).contains("targetcli shell version 2.1.53");
        tmux("send-keys", "/backstores/ramdisk create rd1 1M", "Enter");
        screenShowing("Created ramdisk rd1");

        tmux("send-keys", "cd", "Enter");
        assertThat(screenShowing("Enter goes to the node")).contains("> o- /\n", "    o- backstores\n",
                "        o- rd1\n", "          o- alua\n").doesNotContain("/>");
        tmux("send-keys", "Down");
        assertThat(screenShowing(">   o- backstores")).contains(">   o- backstores\n", "  o- /\n");
        tmux("send-keys", "Enter");
        assertThat(screenShowing("/backstores>")).contains("targetcli shell version", "/backstores>");

        tmux("send-keys", "cd", "Enter");
        screenShowing("Enter goes to the node");
        tmux("send-keys", "Down", "Down", "Escape");
        assertThat(screenShowing("/backstores> cd")).doesNotContain("Enter goes to the node");
        tmux("send-keys", "cd", "Enter");
        screenShowing("Enter goes to the node");
        tmux("send-keys", "Up", "q", "pwd", "Enter");
        assertThat(screenShowing("\n/backstores\n")).contains("/backstores> pwd\n/backstores\n");
    }

    @Test
    void shellAttachedToAServiceCompletesFromTheLiveModelAndSeesAOneShotAtOnce() throws Exception {
        requireTmux();
        try (ServiceProcesses procs = new ServiceProcesses()) {
            Process service = procs.serve();
            startShell(procs.config(), procs.socket());
            assertThat(screenShowing("\n/>")).contains("targetcli shell version 2.1.53",
                    "Attached to the targetcli service on " + procs.socket() + " (pid " + service.pid() + ").");

            // As in-process, a completed path ends with a space (tmux trims it), not with "/".
            tmux("send-keys", "/backstores/f", "Tab");
            assertThat(screenShowing("/> /backstores/fileio")).contains("/> /backstores/fileio");

            ServiceProcesses.Result created = procs.run(procs.java("/backstores/ramdisk", "create", "live1", "1M"));
            assertThat(created.out()).isEqualTo("Created ramdisk live1 with size 1M.\n");
            // Completed from the service's model, which the one-shot has just changed.
            tmux("send-keys", "C-u", "ls /backstores/ramdisk/li", "Tab", "Enter");
            assertThat(screenShowing("o- live1 ")).contains("/> ls /backstores/ramdisk/live1", "o- live1 ");
            tmux("send-keys", "ls /backstores", "Enter");
            assertThat(screenShowing("[Storage Objects: 1]")).contains("o- ramdisk ", "[Storage Objects: 1]");

            // The picker runs here, on the client's terminal, from the service's model.
            tmux("send-keys", "cd", "Enter");
            assertThat(screenShowing("Enter goes to the node")).contains("        o- live1");
            tmux("send-keys", "Down", "Enter", "pwd", "Enter");
            assertThat(screenShowing("/backstores> pwd")).contains("/backstores> pwd\n/backstores\n");

            tmux("send-keys", "C-d");
            assertThat(screenShowing("exit status")).contains("exit status 0");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh"})
    void oneShotCompletionInARealShellOffersWhatTheShellOffers(String sh) throws Exception {
        requireTmux();
        if ("true".equals(System.getenv("CI"))) {
            assertThat(installed(sh, "--version")).as(sh + " is installed (scripts/test installs it)").isTrue();
        }
        assumeTrue(installed(sh, "--version"), sh + " is not installed");
        Path config = configDir.resolve("saveconfig.json");
        Path noService = home.resolve("no-service.sock");
        Path bin = Files.createDirectories(home.resolve("bin"));
        executable(bin.resolve("targetcli"), "exec " + targetcli(config, noService, " \"$@\"") + "\n");
        // As in targetcli, a node without children completes with a space: give fileio one.
        int rc = Main.run(new String[] {"/backstores/fileio", "create", "f1", home.resolve("f1.img").toString(), "1M"},
                EngineAttacher.NONE, InputStream.nullInputStream(), System.out, System.err,
                ShellTestEnv.of(home, config, noService));
        assertThat(rc).isZero();
        Path completions = Path.of("..", "completions").toAbsolutePath().normalize();
        String path = "PATH='" + bin + "':$PATH";
        if (sh.equals("bash")) {
            Files.writeString(home.resolve("bashrc"), path + "\nPS1='$ '\n. '" + completions.resolve("targetcli.bash") + "'\n");
            tmux("new-session", "-d", "-x", "140", "-y", "40", "bash", "--noprofile", "--rcfile", home.resolve("bashrc").toString(), "-i");
        } else {
            // Installed the usual way: the directory on $fpath, then compinit.
            Files.writeString(home.resolve(".zshrc"), path + "\nPS1='$ '\nfpath=('" + completions + "' $fpath)\n"
                    + "autoload -U compinit && compinit -u\n");
            tmux("new-session", "-d", "-x", "140", "-y", "40", "env", "ZDOTDIR=" + home, "zsh", "-i");
        }
        assertThat(screenShowing("$")).contains("$");

        tmux("send-keys", "targetcli /backstores/f", "Tab");
        assertThat(screenShowing("targetcli /backstores/fileio/")).contains("$ targetcli /backstores/fileio/");
        tmux("send-keys", "f", "Tab", " inf", "Tab", "Enter");
        assertThat(screenShowing("write_back")).contains("$ targetcli /backstores/fileio/f1/ info", "name: f1")
                .doesNotContain("command not found", "compopt");
    }
}
