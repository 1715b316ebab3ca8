package io.glio.shell;

import io.glio.engine.iscsi.NettyDefaults;
import io.glio.engine.model.ModelException;
import io.glio.engine.model.RestoreOptions;
import io.glio.engine.model.TargetModel;
import io.glio.shell.service.RemoteSession;
import io.glio.shell.service.ShellService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code targetcli}: one-shot ({@code targetcli ls /}), commands piped on stdin, or an
 * interactive terminal. The long-running modes attach the engine given to {@link #run} (the
 * {@link EngineAttacher} found by {@link ServiceLoader}, else none) so the model is served
 * while the shell runs.
 */
@Command(name = "targetcli",
        versionProvider = Main.Version.class,
        description = {"glio's targetcli: configure and serve iSCSI targets backed by GlusterFS, files, "
                + "block devices or RAM.",
                "With no COMMAND: an interactive shell on a terminal, else one command per line from stdin."})
public final class Main implements Callable<Integer> {

    /** The {@code --run-dir} help, the same for the shell and {@code serve}. */
    static final String RUN_DIR_HELP = "Where the engine puts its runtime sockets: each loopback target's LUNs are "
            + "served over NBD on DIR/loopback/<wwn>.sock (default: $GLIO_RUN_DIR, else /run/glio for root, "
            + "else $TARGETCLI_HOME/run).";

    static final String BANNER = "targetcli shell version " + Shell.VERSION + "\n"
            + "Copyright 2011-2013 by Datera, Inc and others.\n"
            + "For help on commands, type 'help'.\n";

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file to restore at start and save to "
                    + "(default: $TARGETCLI_CONFIG, else /etc/target/saveconfig.json for root, "
                    + "else ~/.targetcli/saveconfig.json).")
    Path config;

    // Not mixinStandardHelpOptions: targetcli also takes -v for the version, and picocli wants one version option.
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean helpRequested;

    @Option(names = {"-V", "-v", "--version"}, versionHelp = true, description = "Print version information and exit.")
    boolean versionRequested;

    @Option(names = "--run-dir", paramLabel = "DIR", description = RUN_DIR_HELP)
    Path runDir;

    @Option(names = {"-e", "--exit-on-error"},
            description = "With commands on stdin: stop at the first failing command, exit 1 and save nothing.")
    boolean exitOnError;

    /**
     * For the bash and zsh completion scripts in {@code completions/}: the one-shot command
     * line typed so far (after {@code targetcli}, up to the cursor); prints what the shell's
     * own completer offers for its last word, one per line.
     */
    @Option(names = "--complete", hidden = true, paramLabel = "LINE")
    String complete;

    @Parameters(paramLabel = "COMMAND", arity = "0..*",
            description = "A shell command (e.g. ls /backstores) to run once, then exit (1 on error).")
    List<String> words = List.of();

    private final EngineAttacher attacher;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final java.util.Map<String, String> env;
    private final java.util.function.Supplier<TargetModel> models;

    Main(EngineAttacher attacher, InputStream in, PrintStream out, PrintStream err, java.util.Map<String, String> env,
         java.util.function.Supplier<TargetModel> models) {
        this.models = models;
        this.attacher = attacher;
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = env;
    }

    /** The version line of {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"targetcli version " + Shell.VERSION + " (glio)"};
        }
    }

    public static void main(String[] args) {
        NettyDefaults.apply();
        EngineAttacher attacher = ServiceLoader.load(EngineAttacher.class).findFirst().orElse(EngineAttacher.NONE);
        System.exit(run(args, attacher));
    }

    /** Runs targetcli with {@code args} and the given engine; returns the exit status. */
    public static int run(String[] args, EngineAttacher attacher) {
        return run(args, attacher, System.in, System.out, System.err, System.getenv());
    }

    static int run(String[] args, EngineAttacher attacher, InputStream in, PrintStream out, PrintStream err,
                   java.util.Map<String, String> env) {
        return run(args, attacher, in, out, err, env, TargetModel::new);
    }

    /** As {@link #run(String[], EngineAttacher)} with explicit streams, environment and model (tests). */
    static int run(String[] args, EngineAttacher attacher, InputStream in, PrintStream out, PrintStream err,
                   java.util.Map<String, String> env, java.util.function.Supplier<TargetModel> models) {
        Main main = new Main(attacher, in, out, err, env, models);
        if (args.length > 0 && !args[0].startsWith("-") && !args[0].equals("serve")) {
            // A one-shot command with no option: skip building the picocli model (start-up time).
            main.words = List.of(args);
            return main.call();
        }
        CommandLine cl = commandLine(main);
        cl.setOut(new java.io.PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        return cl.execute(args);
    }

    /** The picocli spec (also what the shell completion scripts are generated from). */
    static CommandLine commandLine(Main main) {
        CommandLine cl = new CommandLine(main);
        cl.addSubcommand("serve", new ServeCommand(main.attacher, main.models, main.out, main.err, main.env));
        cl.setStopAtPositional(true);
        cl.setUnmatchedOptionsArePositionalParams(true);
        return cl;
    }

    @Override
    public Integer call() {
        boolean root = "root".equals(System.getProperty("user.name"));
        ShellSettings settings = ShellSettings.resolve(config, runDir, env, System.getProperty("user.home"), root);
        SessionOpener opener = new SessionOpener(settings, ShellService.SOCKET.resolve(null, env, settings.home(), root),
                env, attacher, models, err);
        if (complete != null) {
            opener.completeOneShot(complete, new RemoteSession.ClientIo(out, err, false, () -> 0))
                    .forEach(item -> out.println(item.value()));
            out.flush();
            return 0;
        }
        if (!words.isEmpty()) {
            return oneShot(opener, String.join(" ", words));
        }
        // On the Java 17 this targets, a null console means stdin or stdout is not a terminal.
        @SuppressWarnings("SystemConsoleNull")
        boolean terminal = System.console() != null && in == System.in;
        if (terminal) {
            return new InteractiveShell(opener).run();
        }
        return piped(opener);
    }

    /**
     * One command from {@code /}: in the service when it runs (which keeps the change, so
     * nothing is saved here), else in-process under the configuration's lock.
     */
    private int oneShot(SessionOpener opener, String line) {
        SessionOpener.Access access;
        try {
            access = opener.access(true, new RemoteSession.ClientIo(out, err, false, () -> 0));
        } catch (ShellException e) {
            err.println(e.getMessage());
            return 1;
        }
        if (access.remote() != null) {
            try (RemoteSession remote = access.remote()) {
                return remote.run(line) ? 0 : 1;
            }
        }
        try {
            return oneShotEmbedded(opener.settings(), line);
        } finally {
            PidLock.release(access.lock());
        }
    }

    private int oneShotEmbedded(ShellSettings settings, String line) {
        Prefs prefs = Prefs.load(settings.home());
        Console console = new Console(out, err, prefs, false, 0);
        Shell shell = new Shell(models.get(), prefs, console, settings.configFile());
        boolean restored = restore(shell);
        shell.resetChanged();
        if (!runOneShot(shell, line, err)) {
            return 1;
        }
        if (shell.changed() && autoSaveRefusal(shell, restored) != null) {
            err.println(autoSaveRefusal(shell, restored).replace("Not saving automatically", "Not saving")
                    + " The change is lost.");
            return 1;
        }
        if (shell.changed()) {
            // No live target holds the change: the file is the only place it can live.
            try {
                shell.model().saveToFile(settings.configFile(), true);
            } catch (ModelException e) {
                err.println(e.getMessage());
                return 1;
            }
        }
        return 0;
    }

    /** Runs a one-shot command: an error is its bare message on {@code err}. Returns success. */
    public static boolean runOneShot(Shell shell, String line, PrintStream err) {
        return shell.run(line, err::println);
    }

    private int piped(SessionOpener opener) {
        try (ShellSession session = opener.open(new RemoteSession.ClientIo(out, err, false, () -> 0))) {
            out.print(BANNER);
            out.print(session.bannerNote());
            out.print('\n');
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            while (!session.exitRequested()) {
                out.print(session.prompt());
                out.flush();
                String line = reader.readLine();
                if (line == null) {
                    out.print("exit\n");
                    line = "exit";
                }
                if (!session.run(line) && exitOnError) {
                    err.println("Aborting run on error.");
                    return 1;
                }
            }
            return session.finish() ? 0 : 1;
        } catch (IOException e) {
            err.println("Cannot read commands: " + e.getMessage());
            return 1;
        } catch (ShellException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    /**
     * Starts the engine; if it cannot start, says why in one line and goes on without one (the
     * configuration can still be edited and saved). The shell shows what the engine serves.
     */
    static EngineAttacher.Attached attach(EngineAttacher attacher, Shell shell, Path runDir) {
        EngineAttacher.Attached engine;
        try {
            engine = attacher.attach(shell.model(), runDir);
        } catch (RuntimeException e) {
            shell.console().error("Target not served, the engine did not start: " + e.getMessage());
            engine = EngineAttacher.NONE.attach(shell.model(), runDir);
        }
        shell.showServed(engine);
        return engine;
    }

    /**
     * Restores the configuration file at start; problems are reported and the shell still
     * starts. Returns false when the file could not be read at all.
     */
    static boolean restore(Shell shell) {
        Path file = shell.configFile();
        if (!Files.isRegularFile(file)) {
            return true;
        }
        try {
            List<String> errors = shell.model().restoreFromFile(file, RestoreOptions.ALL);
            for (String e : errors) {
                shell.console().warning(e);
            }
            return true;
        } catch (ModelException e) {
            shell.console().error("Could not restore " + file + ": " + e.getMessage());
            return false;
        }
    }

    /**
     * targetcli's exit: with {@code auto_save_on_exit} the configuration is saved, except when
     * the file could not be restored at start, or was restored with invalid entries skipped
     * and not saved since (saving would replace it by what this run built and lose those
     * entries; an explicit {@code saveconfig} still does).
     */
    static void exitSave(Shell shell, boolean restored) {
        if (shell.prefs().bool("auto_save_on_exit")) {
            String refusal = autoSaveRefusal(shell, restored);
            if (refusal != null) {
                shell.console().warning(refusal);
            } else {
                shell.console().info("Global pref auto_save_on_exit=true");
                shell.run("/ saveconfig");
            }
        }
        shell.prefs().save();
    }

    /** Why the configuration file must not be replaced automatically now, or null. */
    private static String autoSaveRefusal(Shell shell, boolean restored) {
        if (!restored) {
            return "Not saving automatically: " + shell.configFile()
                    + " could not be restored at start; use saveconfig to replace it.";
        }
        return shell.model().partialRestore()
                .filter(p -> p.file().equals(shell.configFile().toAbsolutePath().normalize()))
                .map(p -> "Not saving automatically: " + shell.configFile() + " had " + p.skipped().size()
                        + " invalid entries that were skipped at restore; fix them or use saveconfig to replace the file.")
                .orElse(null);
    }
}
