package io.glio.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code targetcli serve} and its clients as real processes ({@code java -cp <test class path>
 * io.glio.shell.Main ...}) over one temp folder (configuration, socket, preferences), for the
 * tests that need a service of their own: a test holds one in an {@code @AutoClose} field.
 * Closing kills what is still running and deletes the folder. Every wait is bounded.
 */
final class ServiceProcesses implements AutoCloseable {

    /** What a finished process printed and its exit status. */
    record Result(int rc, String out, String err) {
    }

    private final Path dir;
    private final List<Process> started = new ArrayList<>();

    /**
     * A fresh world-traversable folder under /tmp, so a client run as nobody reaches the socket
     * (a @TempDir is 0700).
     */
    ServiceProcesses() {
        try {
            dir = Files.createTempDirectory(Path.of("/tmp"), "glio-serve-test",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Files.createDirectories(home());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir() {
        return dir;
    }

    Path home() {
        return dir.resolve("home");
    }

    Path config() {
        return dir.resolve("saveconfig.json");
    }

    Path socket() {
        return dir.resolve("t.sock");
    }

    /** {@code targetcli args} with this folder's environment. */
    ProcessBuilder java(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.glio.shell.Main"));
        cmd.addAll(List.of(args));
        return ShellTestEnv.applyTo(new ProcessBuilder(cmd), home(), config(), socket());
    }

    Process start(ProcessBuilder pb) throws IOException {
        Process p = pb.start();
        started.add(p);
        return p;
    }

    /** Closes the process's stdin, collects its output and waits (60 s at most) for its end. */
    static Result finish(Process p) throws IOException, InterruptedException {
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("process ended").isTrue();
        return new Result(p.exitValue(), out, err);
    }

    Result run(ProcessBuilder pb) throws IOException, InterruptedException {
        return finish(start(pb));
    }

    /** Runs {@code targetcli} with {@code script} on stdin (a piped shell). */
    Result pipe(String script) throws IOException, InterruptedException {
        Process p = start(java());
        p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        return finish(p);
    }

    /** Starts the service and waits for its "serving" line. */
    Process serve() throws IOException, InterruptedException {
        return serve(java("serve"));
    }

    /** Starts {@code pb} (a {@code serve}) and waits for its "serving" line. */
    Process serve(ProcessBuilder pb) throws IOException, InterruptedException {
        Process p = start(pb.redirectErrorStream(true));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!seen.toString().matches("(?s).*targetcli service: serving [^\n]*\n") && System.nanoTime() < deadline) {
            int c = p.getInputStream().read();
            if (c < 0) {
                break;
            }
            seen.append((char) c);
        }
        assertThat(seen.toString()).contains("targetcli service: serving " + config() + " on " + socket());
        return p;
    }

    @Override
    public void close() throws IOException {
        started.forEach(Process::destroyForcibly);
        OracleRun.deleteTree(dir);
    }
}
