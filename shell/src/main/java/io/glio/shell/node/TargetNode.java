package io.glio.shell.node;

import io.glio.shell.CommandSpec;
import io.glio.shell.Shell;
import io.glio.shell.Summary;
import io.glio.engine.model.FabricFeature;
import io.glio.engine.model.ModelException;
import io.glio.engine.model.Target;
import io.glio.engine.model.Tpg;
import io.glio.engine.model.Wwns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /iscsi/<wwn>}: a target of a fabric with TPG tags, and its TPGs. */
final class TargetNode extends UiNode {

    private final Target target;

    TargetNode(Shell shell, UiNode parent, Target target) {
        super(shell, parent, target.wwn());
        this.target = target;
    }

    @Override
    protected List<UiNode> unsortedChildren() {
        List<UiNode> c = new ArrayList<>();
        for (Tpg t : target.tpgs()) {
            c.add(new TpgNode(shell, this, t, false));
        }
        return c;
    }

    @Override
    public Summary summary() {
        if (!validWwn(target)) {
            return new Summary("INVALID WWN", false);
        }
        return Summary.of("TPGs: " + target.tpgs().size());
    }

    static boolean validWwn(Target target) {
        try {
            Wwns.normalizeTarget(target.fabric(), target.wwn());
            return true;
        } catch (ModelException e) {
            return false;
        }
    }

    @Override
    protected void addCommands(List<CommandSpec> list) {
        list.add(CommandSpec.of("create tag=None", "Creates a new Target Portal Group within the target.", a -> {
            String tag = a.get("tag");
            return createTpg(tag == null || tag.isEmpty() ? null : FabricNode.parseTag(tag));
        }));
        list.add(CommandSpec.of("delete tag", "Deletes the Target Portal Group with TPGT \"tag\" from the target.",
                a -> {
                    int tag = FabricNode.parseTag(a.get("tag"));
                    model().deleteTpg(target, tag);
                    shell.console().info("Deleted TPGT " + tag + ".");
                    return null;
                }));
        list.add(infoCommand("Displays information about the target."));
    }

    @Override
    public Optional<List<String>> info() {
        return Optional.of(infoLines(Map.of("fabric", target.fabric().rtslibName(), "wwn", target.wwn())));
    }

    /** targetcli's TPG creation: enable, no authentication, the default portal, then the messages. */
    CommandSpec.Outcome createTpg(Integer tag) {
        Tpg tpg = model().createTpg(target, tag);
        if (shell.prefs().bool("auto_enable_tpgt") && target.fabric().tpgHasEnable()) {
            model().setTpgEnabled(tpg, true);
        }
        if (target.fabric().has(FabricFeature.AUTH)) {
            model().setTpgAttribute(tpg, "authentication", "0");
        }
        shell.console().info("Created TPG " + tpg.tag() + ".");
        if (target.fabric().has(FabricFeature.NPS) && shell.prefs().bool("auto_add_default_portal")) {
            try {
                model().createPortal(tpg, "0.0.0.0", 3260);
                shell.console().info("Global pref auto_add_default_portal=true");
                shell.console().info("Created default portal listening on all IPs (0.0.0.0), port 3260.");
            } catch (ModelException e) {
                shell.console().info("Default portal not created, TPGs within a target cannot share ip:port.");
            }
        }
        String base = path();
        return shell.created(base + "/tpg" + tpg.tag());
    }
}
