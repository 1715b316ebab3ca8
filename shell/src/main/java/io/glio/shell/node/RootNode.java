package io.glio.shell.node;

import io.glio.saveconfig.SaveConfigBackups;
import io.glio.saveconfig.SaveConfigException;
import io.glio.shell.CommandSpec;
import io.glio.shell.Shell;
import io.glio.shell.ShellException;
import io.glio.shell.SessionSource;
import io.glio.shell.ValueType;
import io.glio.engine.model.Fabric;
import io.glio.engine.model.RestoreOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code /}: the backstores and the fabrics, and the whole-configuration commands. */
public final class RootNode extends UiNode {

    /** Fabrics shown without hardware, as targetcli shows them. */
    static final List<Fabric> FABRICS = List.of(Fabric.ISCSI, Fabric.LOOPBACK, Fabric.VHOST, Fabric.XEN_PVSCSI);

    public RootNode(Shell shell) {
        super(shell, null, "/");
    }

    @Override
    protected List<UiNode> unsortedChildren() {
        List<UiNode> c = new ArrayList<>();
        c.add(new BackstoresNode(shell, this));
        for (Fabric f : FABRICS) {
            c.add(new FabricNode(shell, this, f));
        }
        return c;
    }

    @Override
    protected void addCommands(List<CommandSpec> list) {
        String file = shell.configFile().toString();
        list.add(CommandSpec.of("saveconfig savefile=" + file,
                "Saves the current configuration to a file so that it can be restored on next boot.",
                a -> { save(a.get("savefile")); return null; }));
        list.add(CommandSpec.of("restoreconfig savefile=" + file
                        + " clear_existing=False target=None storage_object=None",
                "Restores configuration from a file.",
                a -> { restore(a.get("savefile"), a.get("clear_existing"), a.get("target"), a.get("storage_object")); return null; }));
        list.add(CommandSpec.of("clearconfig confirm=None",
                "Removes entire configuration of backstores and targets", a -> {
                    if (!"true".equals(ValueType.BOOL.check(a.get("confirm", "false")))) {
                        throw new ShellException("As a precaution, confirm=True needs to be set");
                    }
                    model().clear();
                    shell.console().info("All configuration cleared");
                    return null;
                }));
        list.add(CommandSpec.of("sessions action=list sid=None", "Displays a detailed list of all open sessions.",
                a -> { new SessionsCommand(shell).run(a.get("action", "list"), a.get("sid")); return null; }));
        list.add(CommandSpec.of("version", "Displays the targetcli and support libraries versions.", a -> {
            shell.console().info("targetcli version " + Shell.VERSION);
            return null;
        }));
    }

    /** {@code saveconfig}: backups when saving to the default file, then the file (0600). */
    public void save(String savefile) {
        Path file = savefile == null || savefile.isEmpty() ? shell.configFile() : shell.file(savefile);
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            if (file.toAbsolutePath().equals(shell.configFile().toAbsolutePath())) {
                backup(file);
            }
        } catch (java.io.IOException e) {
            throw new ShellException("Could not create " + file.getParent() + ": " + e.getMessage());
        }
        model().saveToFile(file, true);
        shell.console().info("Configuration saved to " + file);
    }

    void backup(Path file) {
        int max;
        try {
            max = Math.max(1, Integer.parseInt(shell.prefs().get("max_backup_files").strip()));
        } catch (NumberFormatException | NullPointerException e) {
            max = SaveConfigBackups.DEFAULT_MAX_BACKUP_FILES;
        }
        try {
            if (new SaveConfigBackups().backup(file, max)) {
                shell.console().info("Last " + max + " configs saved in " + SaveConfigBackups.backupDir(file) + "/.");
            }
        } catch (SaveConfigException e) {
            shell.console().warning(e.getMessage());
        }
    }

    private void restore(String savefile, String clearExisting, String target, String storageObject) {
        Path file = savefile == null ? shell.configFile() : shell.file(savefile);
        if (!Files.isRegularFile(file)) {
            shell.console().info("Restore file " + file + " not found");
            return;
        }
        // targetcli does not parse clear_existing as a bool: any non-empty value clears.
        boolean clear = clearExisting != null && !clearExisting.isEmpty();
        List<String> errors = model().restoreFromFile(file, new RestoreOptions(clear,
                emptyToNull(target), emptyToNull(storageObject)));
        if (!errors.isEmpty()) {
            throw new ShellException("Configuration restored, " + errors.size() + " recoverable errors:\n"
                    + String.join("\n", errors));
        }
        shell.console().info("Configuration restored from " + file);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** {@code sessions [list|detail] [sid]} from the engine's {@link SessionSource}. */
    /** {@code sessions}' arguments checked: the session id asked for, null for all. */
    public static Integer sessionId(String action, String sid) {
        if (!action.equals("list") && !action.equals("detail")) {
            throw new ShellException("action must be one of: list, detail");
        }
        if (sid == null) {
            return null;
        }
        try {
            return Integer.parseInt(sid.strip());
        } catch (NumberFormatException e) {
            throw new ShellException("sid must be a number, '" + sid + "' given");
        }
    }

    /** The sessions {@code sessions} shows (text or JSON): all, or the one of {@code wanted}, which must exist. */
    public static List<SessionSource.SessionInfo> sessionsShown(SessionSource source, Integer wanted) {
        if (wanted == null) {
            return source.sessions();
        }
        List<SessionSource.SessionInfo> shown = new ArrayList<>();
        for (SessionSource.SessionInfo s : source.sessions()) {
            if (s.sid() == wanted.intValue()) {
                shown.add(s);
            }
        }
        if (shown.isEmpty()) {
            throw new ShellException("no session found with sid " + wanted);
        }
        return shown;
    }

    static final class SessionsCommand {
        private final Shell shell;

        SessionsCommand(Shell shell) {
            this.shell = shell;
        }

        void run(String action, String sid) {
            Integer wanted = sessionId(action, sid);
            SessionSource source = shell.sessions();
            if (!source.serving()) {
                shell.console().info("No target is being served by this shell (no engine attached).");
            }
            List<SessionSource.SessionInfo> shown = sessionsShown(source, wanted);
            if (shown.isEmpty()) {
                shell.console().display("(no open sessions)");
                return;
            }
            for (SessionSource.SessionInfo s : shown) {
                shell.console().display("alias: " + s.alias() + "\tsid: " + s.sid() + " type: " + s.type()
                        + " session-state: " + s.state());
                if (action.equals("detail")) {
                    shell.console().display("    name: " + s.initiatorWwn()
                            + (s.authenticated() ? " (authenticated)" : " (NOT AUTHENTICATED)"));
                    for (SessionSource.MappedLunInfo m : s.luns()) {
                        shell.console().display("    mapped-lun: " + m.mappedLun() + " backstore: " + m.backstore()
                                + " mode: " + (m.writeProtect() ? "r" : "rw"));
                    }
                    for (SessionSource.ConnectionInfo c : s.connections()) {
                        shell.console().display("    address: " + c.address() + " (" + c.transport() + ")  cid: "
                                + c.cid() + " connection-state: " + c.state());
                    }
                }
            }
        }
    }
}
