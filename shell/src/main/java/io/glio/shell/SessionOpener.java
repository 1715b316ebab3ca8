package io.glio.shell;

import io.glio.engine.model.TargetModel;
import io.glio.shell.service.Messages;
import io.glio.shell.service.RemoteSession;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides where a command line runs: in the {@code targetcli serve} process when its socket
 * answers (and it serves the same configuration file), else in this process under the
 * configuration's {@link PidLock}, waiting for another process that holds it
 * ({@code $TARGETCLI_LOCK_TIMEOUT} seconds, default 10) and saying so once.
 */
final class SessionOpener {

    static final double DEFAULT_LOCK_TIMEOUT = 10;

    /** Either the service ({@code remote}) or the lock for working in-process (null if none could be made). */
    record Access(RemoteSession remote, PidLock lock) {
    }

    private final ShellSettings settings;
    private final Path socket;
    private final Map<String, String> env;
    private final EngineAttacher attacher;
    private final Supplier<TargetModel> models;
    private final PrintStream err;

    SessionOpener(ShellSettings settings, Path socket, Map<String, String> env, EngineAttacher attacher,
                  Supplier<TargetModel> models, PrintStream err) {
        this.settings = settings;
        this.socket = socket;
        this.env = env;
        this.attacher = attacher;
        this.models = models;
        this.err = err;
    }

    ShellSettings settings() {
        return settings;
    }

    /** A shell session (interactive or piped): the service's, else an embedded one. */
    ShellSession open(RemoteSession.ClientIo io) {
        Access access = access(false, io);
        if (access.remote() != null) {
            return access.remote();
        }
        Prefs prefs = Prefs.load(settings.home());
        Console console = new Console(io.out(), io.err(), prefs, io.terminal(), io.width());
        Shell shell = new Shell(models.get(), prefs, console, settings.configFile());
        return LocalSession.open(shell, attacher, settings.runDir(), access.lock());
    }

    /**
     * What Tab offers after {@code targetcli before} on the command line: the service's
     * completer when it runs, else the same completer over the saved configuration, read
     * without the lock (nothing is changed or saved, no engine started, nothing logged).
     */
    List<Completions.Item> completeOneShot(String before, RemoteSession.ClientIo io) {
        Optional<RemoteSession> remote = RemoteSession.connect(socket, settings.configFile(), hello(true, io), io);
        if (remote.isPresent()) {
            try (RemoteSession r = remote.get()) {
                return r.complete(before);
            }
        }
        Prefs prefs = Prefs.load(settings.home());
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        Shell shell = new Shell(models.get(), prefs, new Console(sink, sink, prefs, false, 0), settings.configFile());
        shell.setAuditLog(AuditLog.NONE);
        Main.restore(shell);
        return new Completions(shell).complete(before);
    }

    private Messages.Hello hello(boolean oneShot, RemoteSession.ClientIo io) {
        return new Messages.Hello(Messages.VERSION, settings.home().toAbsolutePath().toString(),
                Path.of("").toAbsolutePath().toString(), io.terminal(), io.width().getAsInt(), oneShot);
    }

    /**
     * The service if it answers; else the configuration's lock, waiting while another process
     * holds it (and trying the service again meanwhile: it may be starting).
     */
    Access access(boolean oneShot, RemoteSession.ClientIo io) {
        Path config = settings.configFile();
        Messages.Hello hello = hello(oneShot, io);
        double timeout = lockTimeout();
        long deadline = System.nanoTime() + (long) (timeout * 1e9);
        boolean said = false;
        for (;;) {
            Optional<RemoteSession> remote = RemoteSession.connect(socket, config, hello, io);
            if (remote.isPresent()) {
                return new Access(remote.get(), null);
            }
            Path lockFile = PidLock.lockFileOf(config);
            PidLock lock;
            try {
                lock = PidLock.tryLock(lockFile);
            } catch (IOException e) {
                // No lock file can be made where the configuration lives: nothing can be saved
                // there either, so reading it unlocked risks nothing.
                return new Access(null, null);
            }
            if (lock != null) {
                return new Access(null, lock);
            }
            String holder = PidLock.holder(lockFile);
            if (System.nanoTime() - deadline > 0) {
                throw new ShellException("Gave up waiting for " + config + " after " + format(timeout)
                        + " s: in use by targetcli pid " + holder + " (TARGETCLI_LOCK_TIMEOUT sets the wait).");
            }
            if (!said) {
                err.println("Waiting for " + config + ": in use by targetcli pid " + holder + "...");
                said = true;
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShellException("Interrupted while waiting for the configuration lock.");
        }
    }

    /** {@code $TARGETCLI_LOCK_TIMEOUT} in seconds (0 = do not wait), default 10. */
    double lockTimeout() {
        String v = env.get("TARGETCLI_LOCK_TIMEOUT");
        if (v == null || v.isBlank()) {
            return DEFAULT_LOCK_TIMEOUT;
        }
        try {
            double s = Double.parseDouble(v.strip());
            if (s >= 0 && s <= 86400) {
                return s;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ShellException("TARGETCLI_LOCK_TIMEOUT: '" + v + "' is not a number of seconds from 0 to 86400.");
    }

    private static String format(double seconds) {
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
    }
}
