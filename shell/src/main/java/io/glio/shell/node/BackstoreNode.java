package io.glio.shell.node;

import io.glio.shell.CommandSpec;
import io.glio.shell.Shell;
import io.glio.shell.ShellException;
import io.glio.shell.Summary;
import io.glio.shell.ValueType;
import io.glio.engine.model.Plugin;
import io.glio.engine.model.StorageObject;
import java.util.ArrayList;
import java.util.List;

/** {@code /backstores/<plugin>}: its storage objects, {@code create} and {@code delete}. */
final class BackstoreNode extends UiNode {

    private final Plugin plugin;
    /** The user handler ({@code glfs}) of a {@code user:<handler>} node, else null. */
    private final String handler;

    BackstoreNode(Shell shell, UiNode parent, Plugin plugin, String handler) {
        super(shell, parent, handler == null ? plugin.saveName() : "user:" + handler);
        this.plugin = plugin;
        this.handler = handler;
    }

    List<StorageObject> objects() {
        List<StorageObject> out = new ArrayList<>();
        for (StorageObject so : model().storageObjects(plugin)) {
            if (handler == null || so.userHandler().map(handler::equals).orElse(false)) {
                out.add(so);
            }
        }
        return out;
    }

    @Override
    protected List<UiNode> unsortedChildren() {
        List<UiNode> c = new ArrayList<>();
        for (StorageObject so : objects()) {
            c.add(new StorageObjectNode(shell, this, so));
        }
        return c;
    }

    @Override
    public Summary summary() {
        return Summary.of("Storage Objects: " + objects().size());
    }

    @Override
    protected void addCommands(List<CommandSpec> list) {
        BackstoreCreate create = new BackstoreCreate(shell, this, plugin, handler);
        list.add(create.spec());
        list.add(CommandSpec.of("delete name save=None",
                "Recursively deletes the storage object having the specified name. If there are LUNs using this"
                        + " storage object, they will be deleted too.",
                a -> { delete(a.get("name"), a.get("save")); return null; }));
        if (handler != null) {
            list.add(CommandSpec.of("changemedium name size cfgstring", "Changes the medium of a user-backed object.",
                    a -> { create.changeMedium(a.get("name"), a.get("size"), a.get("cfgstring")); return null; }));
        }
    }

    private void delete(String name, String saveText) {
        StorageObject so = objects().stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new ShellException("No storage object named " + name + "."));
        boolean save = saveText != null && ValueType.BOOL.check(saveText).equals("true");
        if (save) {
            StorageObjectNode.saveScoped(shell, so, shell.configFile(), true);
        }
        model().deleteStorageObject(so);
        if (save) {
            StorageObjectNode.saveScoped(shell, so, shell.configFile(), false);
        }
        shell.console().info("Deleted storage object " + name + ".");
    }
}
