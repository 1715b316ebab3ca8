package io.glio.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell on a real pseudo-terminal inside tmux: keys are typed (Tab included) and the screen
 * is read back. Skipped, with the reason, where tmux is not installed; under CI=true that fails.
 */
class TmuxTerminalTest {

    private final String socket = "glio-shell-test-" + ProcessHandle.current().pid();

    @TempDir
    Path home;
    @TempDir
    Path configDir;

    private static boolean tmuxInstalled() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
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

    @Test
    void typingWithTabCompletionShowsTheTreeOnTheScreen() throws IOException, InterruptedException {
        if ("true".equals(System.getenv("CI"))) {
            assertThat(tmuxInstalled()).as("tmux is installed (scripts/test installs it)").isTrue();
        }
        assumeTrue(tmuxInstalled(), "tmux is not installed");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path script = home.resolve("run.sh");
        // The pane stays after the shell ends so the last screen can still be read.
        Files.writeString(script, "#!/bin/sh\n" + ShellTestEnv.envCommand(home, configDir.resolve("saveconfig.json"),
                home.resolve("no-service.sock")) + " '" + java + "' -cp '"
                + System.getProperty("java.class.path") + "' io.glio.shell.Main\necho \"exit status $?\"\nsleep 60\n");
        script.toFile().setExecutable(true);
        tmux("new-session", "-d", "-x", "140", "-y", "40", script.toString());
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
}
