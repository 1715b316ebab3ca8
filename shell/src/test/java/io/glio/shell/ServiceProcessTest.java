package io.glio.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.glio.shell.ServiceProcesses.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * {@code targetcli serve} and its clients as real processes ({@code java -cp <test class path>
 * io.glio.shell.Main ...}) in a temp folder: locks, the socket's owner check, many clients at
 * once, and stops by SIGTERM and SIGKILL. Every wait is bounded.
 */
class ServiceProcessTest {

    @AutoClose
    private final ServiceProcesses procs = new ServiceProcesses();

    private ProcessBuilder java(String... args) {
        return procs.java(args);
    }

    private Path config() {
        return procs.config();
    }

    private Path socket() {
        return procs.socket();
    }

    private Path dir() {
        return procs.dir();
    }

    private Process start(ProcessBuilder pb) throws IOException {
        return procs.start(pb);
    }

    private static Result finish(Process p) throws IOException, InterruptedException {
        return ServiceProcesses.finish(p);
    }

    private Result run(ProcessBuilder pb) throws IOException, InterruptedException {
        return procs.run(pb);
    }

    private Process serve() throws IOException, InterruptedException {
        return procs.serve();
    }

    @Test
    void socketIsPrivateAndAnotherUserIsRefused() throws Exception {
        serve();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket()))).isEqualTo("rw-------");
        String client = "import socket,sys\ns=socket.socket(socket.AF_UNIX)\n"
                + "try:\n s.connect(sys.argv[1])\nexcept OSError as e:\n print('connect:', e.strerror); sys.exit(0)\n"
                + "print(s.recv(4096)[9:].decode())\n";
        Result denied = run(new ProcessBuilder("runuser", "-u", "nobody", "--", "python3", "-c", client,
                socket().toString()));
        assertThat(denied.out()).contains("connect: Permission denied");
        // Loosened by hand: the service itself still refuses the other user.
        Files.setPosixFilePermissions(socket(), PosixFilePermissions.fromString("rw-rw-rw-"));
        Result refused = run(new ProcessBuilder("runuser", "-u", "nobody", "--", "python3", "-c", client,
                socket().toString()));
        assertThat(refused.out()).contains("The targetcli service on " + socket() + " refuses user nobody");
        assertThat(run(java("ls", "/", "0")).rc()).isZero();
    }

    @Test
    void secondServiceRefusesAndOneShotsPrintNothingExtra() throws Exception {
        Process first = serve();
        Result second = run(java("serve"));
        assertThat(second.rc()).isEqualTo(1);
        assertThat(second.err()).isEqualTo("targetcli serve: " + socket() + " is in use by targetcli pid "
                + first.pid() + "; not starting.\n");
        Result other = run(java("serve", "--socket", dir().resolve("other.sock").toString()));
        assertThat(other.err()).isEqualTo("targetcli serve: " + config() + " is in use by targetcli pid "
                + first.pid() + "; not starting.\n");
        assertThat(socket()).exists();
    }

    @Test
    void twentyConcurrentOneShotsAndTwoShellsAllLand() throws Exception {
        Process service = serve();
        List<Process> shells = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            Process shell = start(java());
            OutputStream in = shell.getOutputStream();
            for (int k = 0; k < 5; k++) {
                in.write(("/backstores/ramdisk create sh" + s + "_" + k + " 1M\n").getBytes(StandardCharsets.UTF_8));
            }
            in.flush();
            shells.add(shell);
        }
        List<Process> oneShots = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            oneShots.add(start(java("/backstores/ramdisk", "create", "os" + k, "1M")));
        }
        for (int k = 0; k < 20; k++) {
            Result r = finish(oneShots.get(k));
            assertThat(r).isEqualTo(new Result(0, "Created ramdisk os" + k + " with size 1M.\n", ""));
        }
        for (Process shell : shells) {
            Result r = finish(shell);
            assertThat(r.rc()).isZero();
            assertThat(r.out()).contains("Attached to the targetcli service on " + socket() + " (pid " + service.pid() + ")");
            assertThat(r.err()).isEmpty();
        }
        assertThat(run(java("saveconfig")).rc()).isZero();
        String saved = Files.readString(config());
        String listed = run(java("ls", "/backstores/ramdisk")).out();
        for (int k = 0; k < 20; k++) {
            assertThat(saved).contains("\"name\": \"os" + k + "\"");
            assertThat(listed).contains("o- os" + k + " ");
        }
        for (int k = 0; k < 5; k++) {
            assertThat(saved).contains("\"name\": \"sh0_" + k + "\"", "\"name\": \"sh1_" + k + "\"");
        }
    }

    @Test
    void oneShotWaitsForAnEmbeddedShellOrGivesUpClearly() throws Exception {
        Process shell = start(java());
        OutputStream in = shell.getOutputStream();
        in.write("/backstores/ramdisk create fromshell 1M\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
        Path lock = PidLock.lockFileOf(config());
        for (int i = 0; i < 300 && !PidLock.holder(lock).equals(String.valueOf(shell.pid())); i++) {
            Thread.sleep(50);
        }
        ProcessBuilder impatient = java("/backstores/ramdisk", "create", "lost", "1M");
        impatient.environment().put("TARGETCLI_LOCK_TIMEOUT", "1");
        Result gaveUp = run(impatient);
        assertThat(gaveUp.rc()).isEqualTo(1);
        assertThat(gaveUp.err()).isEqualTo("Waiting for " + config() + ": in use by targetcli pid " + shell.pid()
                + "...\nGave up waiting for " + config() + " after 1 s: in use by targetcli pid " + shell.pid()
                + " (TARGETCLI_LOCK_TIMEOUT sets the wait).\n");

        ProcessBuilder patient = java("/backstores/ramdisk", "create", "waited", "1M");
        patient.environment().put("TARGETCLI_LOCK_TIMEOUT", "60");
        Process waiting = start(patient);
        Thread.sleep(1500);
        assertThat(waiting.isAlive()).as("the one-shot waits while the shell runs").isTrue();
        Result shellDone = finish(shell);
        assertThat(shellDone.out()).contains("Created ramdisk fromshell with size 1M.", "Configuration saved to");
        Result waited = finish(waiting);
        assertThat(waited).isEqualTo(new Result(0, "Created ramdisk waited with size 1M.\n",
                "Waiting for " + config() + ": in use by targetcli pid " + shell.pid() + "...\n"));
        assertThat(Files.readString(config())).contains("\"name\": \"fromshell\"", "\"name\": \"waited\"")
                .doesNotContain("\"name\": \"lost\"");
    }

    @Test
    void sigtermSavesAndExitsZeroAndSigkillLosesOnlyWhatWasNotSaved() throws Exception {
        Process service = serve();
        assertThat(run(java("/backstores/ramdisk", "create", "kept", "1M")).rc()).isZero();
        service.destroy();
        assertThat(service.waitFor(15, TimeUnit.SECONDS)).as("stopped within the bound").isTrue();
        assertThat(service.exitValue()).isZero();
        assertThat(socket()).doesNotExist();
        assertThat(Files.readString(config())).contains("\"name\": \"kept\"");

        Process again = serve();
        assertThat(run(java("ls", "/backstores/ramdisk")).out()).contains("o- kept ");
        assertThat(run(java("/backstores/ramdisk", "create", "saved", "1M")).rc()).isZero();
        assertThat(run(java("saveconfig")).rc()).isZero();
        assertThat(run(java("/backstores/ramdisk", "create", "unsaved", "1M")).rc()).isZero();
        again.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
        assertThat(socket()).as("a killed service leaves its socket").exists();

        serve();
        String listed = run(java("ls", "/backstores/ramdisk")).out();
        assertThat(listed).contains("o- kept ", "o- saved ").doesNotContain("unsaved");
    }

    @Test
    void relativePathsOfAnAttachedClientResolveInItsDirectoryNotTheServices() throws Exception {
        Path serviceDir = Files.createDirectories(dir().resolve("service-cwd"));
        Path clientDir = Files.createDirectories(dir().resolve("client-cwd"));
        Files.createDirectories(clientDir.resolve("img"));
        procs.serve(java("serve").directory(serviceDir.toFile()));

        Result created = run(java("/backstores/fileio", "create", "f1", "img/x.img", "1M").directory(clientDir.toFile()));
        assertThat(created).isEqualTo(new Result(0, "Created fileio f1 with size 1048576\n", ""));
        Result saved = run(java("saveconfig", "savefile=rel.json").directory(clientDir.toFile()));
        assertThat(saved.rc()).isZero();

        assertThat(clientDir.resolve("img/x.img")).hasSize(1 << 20);
        assertThat(Files.readString(clientDir.resolve("rel.json"))).contains("\"" + clientDir.resolve("img/x.img") + "\"");
        assertThat(serviceDir.resolve("img")).doesNotExist();
        assertThat(serviceDir.resolve("rel.json")).doesNotExist();
    }
}
