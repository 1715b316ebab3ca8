package io.glio.shell;

import io.glio.engine.local.PrivateSocket;
import io.glio.engine.model.TargetModel;
import io.glio.shell.service.SdNotify;
import io.glio.shell.service.ShellService;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code targetcli serve}: restores the configuration, serves it with the engine, and lets
 * {@code targetcli} shells attach over a Unix socket, until SIGTERM or SIGINT. It holds the
 * socket's and the configuration's lock files for its life, so a second service, an embedded
 * shell or a one-shot command never works on the same file beside it.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the configuration as a service: restore it, serve it to initiators, and accept "
                + "targetcli shells on a Unix socket (they attach instead of starting an engine of their own).",
                "Runs in the foreground until SIGTERM or SIGINT, then finishes the command in flight (10 s at most), "
                + "saves the configuration if auto_save_on_exit is true, flushes every store and exits 0. "
                + "It saves on saveconfig too, never after each change. With $NOTIFY_SOCKET set (systemd "
                + "Type=notify) it reports READY=1 once every portal listens."})
final class ServeCommand implements Callable<Integer> {

    /** How long a stop waits for the command in flight. */
    static final long STOP_BOUND_MILLIS = 10_000;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file to restore and save (default: $TARGETCLI_CONFIG, else "
                    + "/etc/target/saveconfig.json for root, else ~/.targetcli/saveconfig.json).")
    Path config;

    @Option(names = "--socket", paramLabel = "PATH",
            description = "Unix socket to listen on (default: $TARGETCLI_SOCKET, else /run/glio/targetcli.sock "
                    + "for root, else $TARGETCLI_HOME/targetcli.sock); created 0600.")
    Path socket;

    @Option(names = "--run-dir", paramLabel = "DIR", description = Main.RUN_DIR_HELP)
    Path runDir;

    private final EngineAttacher attacher;
    private final Supplier<TargetModel> models;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final CountDownLatch stopped = new CountDownLatch(1);

    ServeCommand(EngineAttacher attacher, Supplier<TargetModel> models, PrintStream out, PrintStream err,
                 Map<String, String> env) {
        this.attacher = attacher;
        this.models = models;
        this.out = out;
        this.err = err;
        this.env = env;
    }

    @Override
    public Integer call() {
        boolean root = "root".equals(System.getProperty("user.name"));
        ShellSettings settings = ShellSettings.resolve(config, runDir, env, System.getProperty("user.home"), root);
        Path sock = ShellService.SOCKET.resolve(socket, env, settings.home(), root);
        try {
            PrivateSocket.setPrivateUmask();
            PidLock socketLock = lockOrExplain(sock);
            if (socketLock == null) {
                return 1;
            }
            PidLock configLock = lockOrExplain(settings.configFile());
            if (configLock == null) {
                socketLock.close();
                return 1;
            }
            return serve(settings, sock, socketLock, configLock);
        } catch (IOException | IllegalStateException e) {
            err.println("targetcli serve: " + e.getMessage());
            return 1;
        }
    }

    /** The lock of {@code file}, or null after saying which process holds it. */
    private PidLock lockOrExplain(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        }
        Path lockFile = PidLock.lockFileOf(file);
        PidLock lock = PidLock.tryLock(lockFile);
        if (lock == null) {
            err.println("targetcli serve: " + file + " is in use by targetcli pid " + PidLock.holder(lockFile)
                    + "; not starting.");
        }
        return lock;
    }

    private int serve(ShellSettings settings, Path sock, PidLock socketLock, PidLock configLock) throws IOException {
        // Our lock is free, so a socket file there is a dead service's: replace it.
        Files.deleteIfExists(sock);
        Prefs prefs = Prefs.load(settings.home());
        Shell shell = new Shell(models.get(), prefs, new Console(out, err, prefs, false, 0), settings.configFile());
        EngineAttacher.Attached engine = Main.attach(attacher, shell, settings.runDir());
        boolean restored = Main.restore(shell);
        ShellService service = new ShellService(shell.model(), engine, settings.configFile(), sock);
        service.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(service, shell, restored, engine);
            PidLock.release(configLock);
            PidLock.release(socketLock);
            out.flush();
            // SIGTERM/SIGINT is this service's orderly end: exit 0, not the JVM's 143/130.
            Runtime.getRuntime().halt(0);
        }, "targetcli-service-stop"));
        engine.awaitPortals(STOP_BOUND_MILLIS);
        out.println("targetcli service: serving " + settings.configFile() + " on " + sock + " (pid "
                + ProcessHandle.current().pid() + ").");
        SdNotify.send(env, "READY=1\nMAINPID=" + ProcessHandle.current().pid());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * The orderly stop: no new clients, the command in flight finishes (or is abandoned after the
     * bound), clients are disconnected, the configuration is saved if auto_save_on_exit says so,
     * and the engine closes sessions, flushes and closes every store.
     */
    private void stop(ShellService service, Shell shell, boolean restored, EngineAttacher.Attached engine) {
        SdNotify.send(env, "STOPPING=1");
        out.println("targetcli service: stopping.");
        boolean idle = service.stop(STOP_BOUND_MILLIS);
        if (idle) {
            Main.exitSave(shell, restored);
        } else {
            err.println("targetcli service: a command still ran after " + STOP_BOUND_MILLIS / 1000
                    + " s; stopping without saving.");
        }
        engine.close();
        out.println("targetcli service: stopped.");
        stopped.countDown();
    }
}
