package io.glio.shell.node;

import io.glio.shell.Shell;
import io.glio.engine.model.Plugin;
import io.glio.engine.model.UserHandlers;
import java.util.ArrayList;
import java.util.List;

/** {@code /backstores}: one node per plugin, {@code user:<handler>} per tcmu-style handler. */
final class BackstoresNode extends UiNode {

    BackstoresNode(Shell shell, UiNode parent) {
        super(shell, parent, "backstores");
    }

    @Override
    protected List<UiNode> unsortedChildren() {
        List<UiNode> c = new ArrayList<>();
        for (Plugin p : List.of(Plugin.BLOCK, Plugin.FILEIO, Plugin.PSCSI, Plugin.RAMDISK)) {
            c.add(new BackstoreNode(shell, this, p, null));
        }
        for (String handler : UserHandlers.HANDLERS) {
            c.add(new BackstoreNode(shell, this, Plugin.USER, handler));
        }
        return c;
    }
}
