package io.glio.shell;

import io.glio.shell.node.RootNode;
import io.glio.shell.node.UiNode;
import io.glio.engine.model.ModelException;
import io.glio.engine.model.TargetModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The shell's state and its command loop step: the model it edits, preferences, where output
 * goes, the current node, the configuration file and the sessions, store states and loopback
 * sockets of a served engine. Every way
 * in (terminal, piped stdin, one-shot) feeds lines to {@link #run} or {@link #execute}.
 */
public final class Shell {

    public static final String VERSION = "2.1.53";

    private final TargetModel model;
    private final Prefs prefs;
    private final Console console;
    private final Path configFile;
    private final GlobalCommands globals = new GlobalCommands(this);
    private SessionSource sessions = SessionSource.NONE;
    private StoreStatusSource stores = StoreStatusSource.NONE;
    private AuditLog audit;
    private LoopbackSockets loopbackSockets = LoopbackSockets.NONE;
    private Path workingDirectory = Path.of("");
    private String currentPath = "/";
    private boolean exitRequested;
    private volatile boolean changed;
    private final io.glio.engine.model.ModelListener changeListener = event -> changed = true;

    public Shell(TargetModel model, Prefs prefs, Console console, Path configFile) {
        this.model = model;
        this.prefs = prefs;
        this.console = console;
        this.configFile = configFile;
        this.audit = AuditLog.ofThisProcess(prefs);
        model.addListener(changeListener);
    }

    /** Stops following the model (a service's shell whose client left; the model lives on). */
    public void detach() {
        model.removeListener(changeListener);
    }

    public TargetModel model() {
        return model;
    }

    public Prefs prefs() {
        return prefs;
    }

    public Console console() {
        return console;
    }

    /**
     * Where relative file paths in commands resolve: an attached client's directory (sent in its
     * hello), not the service's; by default the empty path, so in-process they stay as typed.
     */
    public void setWorkingDirectory(Path dir) {
        workingDirectory = dir;
    }

    /** A file path as typed ({@code file_or_dev}, {@code savefile}): {@code ~} expanded, resolved in the working directory. */
    public Path file(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + path.substring(1));
        }
        return workingDirectory.resolve(path);
    }

    /** The configuration file: {@code saveconfig}'s and {@code restoreconfig}'s default. */
    public Path configFile() {
        return configFile;
    }

    public SessionSource sessions() {
        return sessions;
    }

    public void setSessions(SessionSource sessions) {
        this.sessions = sessions;
    }

    /** The served engine's store states ({@code ls} shows those not connected). */
    public StoreStatusSource stores() {
        return stores;
    }

    public void setStores(StoreStatusSource stores) {
        this.stores = stores;
    }

    /** The served engine's NBD sockets of the loopback targets ({@code ls} and {@code info} show them). */
    public LoopbackSockets loopbackSockets() {
        return loopbackSockets;
    }

    public void setLoopbackSockets(LoopbackSockets loopbackSockets) {
        this.loopbackSockets = loopbackSockets;
    }

    /** Shows what {@code engine} serves: its sessions, store states and loopback sockets. */
    public void showServed(EngineAttacher.Attached engine) {
        setSessions(engine.sessions());
        setStores(engine.stores());
        setLoopbackSockets(engine.loopbackSockets());
    }

    public GlobalCommands globalCommands() {
        return globals;
    }

    public ConfigGroup globalGroup() {
        return globals.globalGroup();
    }

    /** Whether a command changed the model since the shell started. */
    public boolean changed() {
        return changed;
    }

    /** Forgets changes made so far (e.g. the restore at start). */
    public void resetChanged() {
        changed = false;
    }

    public boolean exitRequested() {
        return exitRequested;
    }

    public UiNode root() {
        return new RootNode(this);
    }

    /** The current node; when it was deleted, the root (as configshell does). */
    public UiNode current() {
        Optional<UiNode> n = tryResolve(root(), currentPath);
        if (n.isEmpty()) {
            currentPath = "/";
            return root();
        }
        return n.get();
    }

    public void cd(UiNode node) {
        currentPath = node.path();
    }

    /** Starts at the last path of the persisted cd history when it still exists. */
    public void resumeLastPath() {
        List<String> history = prefs.pathHistory();
        if (!history.isEmpty()) {
            int i = Math.min(Math.max(prefs.historyIndex(), 0), history.size() - 1);
            tryResolve(root(), history.get(i)).ifPresent(this::cd);
        }
    }

    /** configshell's prompt: the current path, shortened to {@code prompt_length}. */
    public String prompt() {
        // The path as it was left: a node deleted by the last command still shows until the
        // next command, which runs from the root (configshell does the same).
        String p = currentPath;
        int max = prefs.number("prompt_length");
        if (max > 0 && max < p.length()) {
            int half = (max - 3) / 2;
            p = p.substring(0, half) + "..." + p.substring(p.length() - half);
        }
        return p + "> ";
    }

    /**
     * Runs one line as the interactive loop does: errors are printed (one line, stderr) and the
     * shell goes on. Returns whether the command succeeded.
     */
    public boolean run(String line) {
        return run(line, console::error);
    }

    /** As {@link #run(String)}, the error line going to {@code report} (one-shot: bare on stderr). */
    public boolean run(String line, java.util.function.Consumer<String> report) {
        String error;
        try {
            execute(line);
            audit.command(line, null);
            return true;
        } catch (ShellException | ModelException e) {
            error = e.getMessage();
        } catch (RuntimeException e) {
            error = "Internal error: " + e;
        }
        audit.command(line, error);
        report.accept(error);
        return false;
    }

    /** Where commands are recorded: this process's user by default, a service's client for its shells. */
    public void setAuditLog(AuditLog audit) {
        this.audit = audit;
    }

    /** Runs one line; a failure is thrown ({@link ShellException} or {@link ModelException}). */
    public void execute(String line) {
        ParsedLine parsed = LineParser.parse(line.strip());
        if (parsed.isEmpty()) {
            return;
        }
        String path = parsed.path();
        boolean everyChild = path.endsWith("*");
        if (everyChild) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.isEmpty()) {
            path = ".";
        }
        String command = parsed.command();
        List<String> positional = parsed.positional();
        var keywords = parsed.keywords();
        if (command.isEmpty()) {
            if (everyChild) {
                command = "ls";
            } else {
                command = "cd";
                positional = List.of(".");
            }
        }
        UiNode target = resolve(current(), path);
        if (positional.contains(JsonOutput.FLAG) && JsonOutput.COMMANDS.contains(command)) {
            CommandSpec spec = target.commands().get(command);
            if (spec == null) {
                throw new ShellException("Command not found " + command);
            }
            console.display(JsonOutput.of(this, target, command,
                    spec.bind(positional.stream().filter(p -> !p.equals(JsonOutput.FLAG)).toList(), keywords)));
            return;
        }
        List<UiNode> targets = everyChild ? target.children() : List.of(target);
        for (UiNode t : targets) {
            if (everyChild) {
                console.display("[" + t.path() + "]");
            }
            CommandSpec spec = t.commands().get(command);
            if (spec == null) {
                throw new ShellException("Command not found " + command);
            }
            CommandSpec.Outcome outcome = spec.handler().run(spec.bind(positional, keywords));
            if (outcome instanceof CommandSpec.Outcome.Cd cd) {
                currentPath = cd.path();
            } else if (outcome instanceof CommandSpec.Outcome.Exit) {
                exitRequested = true;
            }
        }
    }

    /** configshell's {@code get_node}: bookmarks, absolute and relative paths, {@code .} and {@code ..}. */
    public UiNode resolve(UiNode from, String path) {
        if (path == null || path.isEmpty()) {
            path = ".";
        }
        if (path.startsWith("@")) {
            String name = path.substring(1).strip();
            String target = prefs.bookmarks().get(name);
            if (target == null) {
                throw new ShellException("No such bookmark " + name);
            }
            path = target;
        }
        path = path.replaceAll("/+", "/");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        UiNode node = from;
        if (path.startsWith("/")) {
            node = root();
            path = path.substring(1);
        }
        if (path.isEmpty()) {
            return node;
        }
        for (String part : path.split("/")) {
            if (part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                node = node.parent() == null ? node : node.parent();
                continue;
            }
            UiNode parent = node;
            node = node.child(part).orElseThrow(() -> new ShellException(
                    "No such path " + trimSlash(parent.path()) + "/" + part));
        }
        return node;
    }

    private Optional<UiNode> tryResolve(UiNode from, String path) {
        try {
            return Optional.of(resolve(from, path));
        } catch (ShellException e) {
            return Optional.empty();
        }
    }

    private static String trimSlash(String p) {
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** For commands that create a node: bookmark {@code last} and the auto_cd_after_create step. */
    public CommandSpec.Outcome created(String path) {
        prefs.bookmarks().put("last", path);
        prefs.save();
        if (prefs.bool("auto_cd_after_create")) {
            console.info("Entering new node " + path);
            return globals.cdTo(root(), path);
        }
        return null;
    }
}
