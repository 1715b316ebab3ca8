package io.glio.shell.service;

import io.glio.shell.AuditLog;
import io.glio.shell.Completions;
import io.glio.shell.Console;
import io.glio.shell.Main;
import io.glio.shell.Prefs;
import io.glio.shell.Shell;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attached client in the service: its own {@link Shell} (current path, preferences and
 * bookmarks from the client's {@code TARGETCLI_HOME}) over the service's one model, whose
 * output goes back as frames. Every line and completion runs under the service's command lock.
 */
final class ServiceConnection implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceConnection.class);

    private final ShellService service;
    private final FrameChannel channel;
    private final String peer;
    private PrintStream err;

    ServiceConnection(ShellService service, FrameChannel channel, String peer) {
        this.service = service;
        this.channel = channel;
        this.peer = peer;
    }

    @Override
    public void run() {
        Shell shell = null;
        try {
            Frame first = channel.receive();
            if (first == null) {
                return;
            }
            Messages.Hello hello = Messages.Hello.of(first);
            AtomicInteger width = new AtomicInteger(hello.width());
            shell = shell(hello, width);
            serve(shell, hello, width);
        } catch (IOException | FrameException e) {
            LOG.info("targetcli client {} dropped: {}", peer, e.getMessage());
        } finally {
            if (shell != null) {
                shell.detach();
            }
            channel.close();
            service.forget(this);
        }
    }

    private Shell shell(Messages.Hello hello, AtomicInteger width) throws IOException {
        Prefs prefs = Prefs.load(Path.of(hello.home()));
        PrintStream out = new PrintStream(new FrameOutputStream(channel, Frame.Type.OUT), true, StandardCharsets.UTF_8);
        err = new PrintStream(new FrameOutputStream(channel, Frame.Type.ERR), true, StandardCharsets.UTF_8);
        Console console = new Console(out, err, prefs, hello.terminal(), width::get);
        Shell shell = new Shell(service.model(), prefs, console, service.configFile());
        shell.showServed(service.engine());
        // The client's log (its TARGETCLI_HOME's logfile pref), under the uid the kernel vouches for.
        shell.setAuditLog(AuditLog.of(prefs, ServiceLibc.uidOf(peer), peer, userPrincipal(peer)));
        shell.setWorkingDirectory(Path.of(hello.cwd()));
        String prompt = service.locked(() -> {
            if (!hello.oneShot()) {
                shell.resumeLastPath();
            }
            return shell.prompt();
        });
        channel.send(new Messages.Welcome(ProcessHandle.current().pid(), service.configFile().toString(), prompt)
                .frame());
        return shell;
    }

    private void serve(Shell shell, Messages.Hello hello, AtomicInteger width) throws IOException {
        for (Frame f = channel.receive(); f != null; f = channel.receive()) {
            switch (f.type()) {
                case LINE -> {
                    Messages.Line line = Messages.Line.of(f);
                    width.set(line.width());
                    boolean ok = service.locked(() -> hello.oneShot() ? Main.runOneShot(shell, line.text(), err)
                            : runLine(shell, line.text()));
                    channel.send(new Messages.Done(ok, shell.exitRequested(), shell.prompt()).frame());
                }
                case COMPLETE -> {
                    String before = Messages.text(f);
                    List<Completions.Item> items = service.locked(() -> new Completions(shell).complete(before));
                    channel.send(Messages.candidates(items));
                }
                case BYE -> {
                    return;
                }
                default -> throw new FrameException("frame type: " + f.type() + " (expected: LINE, COMPLETE or BYE)");
            }
        }
    }

    /**
     * A shell's line; on {@code exit} the preferences are saved, as an embedded shell does, but
     * not the configuration: the service holds it (saved on {@code saveconfig} and when the
     * service stops).
     */
    private static boolean runLine(Shell shell, String line) {
        boolean ok = shell.run(line);
        if (shell.exitRequested()) {
            if (shell.prefs().bool("auto_save_on_exit")) {
                shell.console().info("The targetcli service keeps the configuration: saveconfig saves it.");
            }
            shell.prefs().save();
        }
        return ok;
    }

    /** Ends the connection (the service stops): the client sees the connection close. */
    void close() {
        channel.close();
    }

    /** The peer's user as the file system names owners (the audit log is chown-ed to it). */
    private static java.nio.file.attribute.UserPrincipal userPrincipal(String user) {
        try {
            return java.nio.file.FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(user);
        } catch (IOException e) {
            return null;
        }
    }
}
