package io.glio.shell.node;

import io.glio.saveconfig.SaveConfig;
import io.glio.saveconfig.SaveConfigException;
import io.glio.saveconfig.SaveConfigReader;
import io.glio.saveconfig.SaveConfigWriter;
import io.glio.shell.CommandSpec;
import io.glio.shell.ConfigGroup;
import io.glio.shell.Shell;
import io.glio.shell.ShellException;
import io.glio.shell.Summary;
import io.glio.engine.backing.StoreState;
import io.glio.engine.model.Plugin;
import io.glio.engine.model.Sizes;
import io.glio.engine.model.StorageObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /backstores/<plugin>/<name>}: one storage object. */
final class StorageObjectNode extends UiNode {

    private final StorageObject so;

    StorageObjectNode(Shell shell, UiNode parent, StorageObject so) {
        super(shell, parent, so.name());
        this.so = so;
    }

    StorageObject storageObject() {
        return so;
    }

    @Override
    protected List<UiNode> unsortedChildren() {
        return List.of(new AluaGroupsNode(shell, this, so));
    }

    @Override
    public Summary summary() {
        String size = so.size().isPresent() ? Sizes.bytesToHuman(so.size().getAsLong()) : "";
        String status = so.activated() ? "activated" : "deactivated";
        String text = switch (so.plugin()) {
            case FILEIO -> so.dev().orElse("") + " (" + size + ") " + writeMode() + " " + status;
            case BLOCK -> so.dev().orElse("") + " (" + size + ") " + (so.readonly() ? "ro " : "") + writeMode()
                    + " " + status;
            case RAMDISK -> (so.nullio() ? "nullio " : "") + "(" + size + ") " + status;
            case PSCSI -> so.dev().orElse("") + " " + status;
            case USER -> so.config().map(c -> c.substring(c.indexOf('/') + 1)).orElse("(no config)")
                    + " (" + size + ") " + status;
        };
        Optional<String> runtime = runtimeStatus();
        if (runtime.isPresent()) {
            // glio's addition: what the engine found (e.g. the gluster volume is unreachable).
            return new Summary(text + ", " + runtime.get(), false);
        }
        Optional<String> shared = so.plugin() == Plugin.USER ? SharedLuText.summary(shell.stores().sharing(so))
                : Optional.empty();
        if (shared.isPresent()) {
            // glio's addition for LUs shared through their volume: the gateways exporting it.
            return new Summary(text + ", " + shared.get(), true);
        }
        return new Summary(text, true);
    }

    /** The served store's state when it cannot serve, else what restore found missing. */
    private Optional<String> runtimeStatus() {
        Optional<StoreState> served = shell.stores().state(so);
        if (served.isPresent()) {
            return served.filter(s -> !s.isReady()).map(StoreState::description);
        }
        return so.runtimeStatus();
    }

    private String writeMode() {
        return so.writeBack() ? "write-back" : "write-thru";
    }

    @Override
    protected void addCommands(List<CommandSpec> list) {
        list.add(infoCommand("Displays information about the storage object."));
        list.add(CommandSpec.of("version", "Displays the version of the current backstore's plugin.", a -> {
            shell.console().display("Backstore plugin " + so.plugin().saveName() + " v5.0");
            return null;
        }));
        list.add(CommandSpec.of("saveconfig savefile=None", "Save configuration of this StorageObject.", a -> {
            String f = a.get("savefile");
            Path file = f == null || f.isEmpty() ? shell.configFile() : shell.file(f);
            saveScoped(shell, so, file, true);
            saveScoped(shell, so, file, false);
            shell.console().info("Storage Object '" + so.plugin().saveName() + ":" + so.name()
                    + "' config saved to " + file + ".");
            return null;
        }));
    }

    @Override
    protected void addGroups(List<ConfigGroup> groups) {
        groups.add(Groups.fromAttributes("attribute", Descriptions.Scope.SO, so::attributes,
                (n, v) -> model().setStorageObjectAttribute(so, n, v)));
        SharedAlua.preferenceGroup(shell, so).ifPresent(groups::add);
    }

    @Override
    public Optional<List<String>> info() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("name", so.name());
        v.put("plugin", so.plugin().saveName());
        v.put("wwn", so.wwn());
        so.dev().ifPresent(d -> v.put("dev", d));
        if (so.plugin() != Plugin.PSCSI && so.plugin() != Plugin.BLOCK) {
            so.size().ifPresent(s -> v.put("size", Long.toString(s)));
        }
        switch (so.plugin()) {
            case FILEIO -> {
                v.put("write_back", py(so.writeBack()));
                v.put("aio", py(so.aio()));
            }
            case BLOCK -> {
                v.put("readonly", py(so.readonly()));
                v.put("write_back", py(so.writeBack()));
            }
            case RAMDISK -> {
                if (so.nullio()) {
                    v.put("nullio", "True");
                }
            }
            case USER -> {
                so.config().ifPresent(c -> v.put("config", c));
                v.put("hw_max_sectors", Long.toString(so.hwMaxSectors()));
                so.control().ifPresent(c -> v.put("control", c));
                shell.stores().sharing(so).ifPresent(sharing -> v.putAll(SharedLuText.info(sharing)));
            }
            default -> {
            }
        }
        return Optional.of(infoLines(v));
    }

    static String py(boolean b) {
        return b ? "True" : "False";
    }

    /**
     * The storage-object scoped save: with {@code backupFirst} only the backups of the default
     * file are taken; otherwise the file is rewritten with this object (and its first target)
     * brought up to date, or removed when the object is gone.
     */
    static void saveScoped(Shell shell, StorageObject so, Path file, boolean backupFirst) {
        if (backupFirst) {
            if (file.toAbsolutePath().equals(shell.configFile().toAbsolutePath())) {
                new RootNode(shell).backup(file);
            }
            return;
        }
        try {
            SaveConfig saved = Files.isRegularFile(file) ? SaveConfigReader.readLenient(file).config() : null;
            SaveConfig merged = shell.model().dumpScoped(saved, so.savePath());
            Files.createDirectories(file.toAbsolutePath().getParent());
            SaveConfigWriter.write(merged, file, true);
        } catch (IOException e) {
            throw new ShellException("Could not save " + file + ": " + e.getMessage());
        }
    }
}
