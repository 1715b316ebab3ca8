package io.glio.shell.node;

import io.glio.shell.CommandSpec;
import io.glio.shell.ConfigGroup;
import io.glio.shell.ConfigParam;
import io.glio.shell.Shell;
import io.glio.shell.ShellException;
import io.glio.shell.Summary;
import io.glio.shell.ValueType;
import io.glio.engine.model.AuthField;
import io.glio.engine.model.ChapCredentials;
import io.glio.engine.model.ConfigfsPaths;
import io.glio.engine.model.DiscoveryAuth;
import io.glio.engine.model.Fabric;
import io.glio.engine.model.FabricFeature;
import io.glio.engine.model.Target;
import io.glio.engine.model.WwnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code /iscsi}, {@code /loopback}, ...: a fabric module and its targets. */
final class FabricNode extends UiNode {

    private final Fabric fabric;

    FabricNode(Shell shell, UiNode parent, Fabric fabric) {
        super(shell, parent, fabric.rtslibName());
        this.fabric = fabric;
    }

    @Override
    protected List<UiNode> unsortedChildren() {
        List<UiNode> c = new ArrayList<>();
        for (Target t : model().targets(fabric)) {
            if (fabric.has(FabricFeature.TPGTS)) {
                c.add(new TargetNode(shell, this, t));
            } else {
                t.tpg(1).ifPresent(tpg -> c.add(new TpgNode(shell, this, tpg, true)));
            }
        }
        return c;
    }

    @Override
    public Summary summary() {
        List<String> msg = new ArrayList<>();
        Boolean status = null;
        DiscoveryAuth da = model().discoveryAuth();
        if (fabric.has(FabricFeature.DISCOVERY_AUTH) && da.enabled()) {
            status = da.credentials().hasCredentials();
            msg.add(da.credentials().isMutual() ? "mutual disc auth" : "1-way disc auth");
        }
        msg.add("Targets: " + model().targets(fabric).size());
        return new Summary(String.join(", ", msg), status);
    }

    @Override
    protected void addCommands(List<CommandSpec> list) {
        list.add(CommandSpec.of("create wwn=None", "Creates a new target.", a -> create(a.get("wwn"))));
        list.add(CommandSpec.of("delete wwn",
                "Recursively deletes the target with the specified wwn, and all objects hanging under it.", a -> {
                    model().deleteTarget(fabric, a.get("wwn"));
                    shell.console().info("Deleted Target " + a.get("wwn") + ".");
                    return null;
                }));
        list.add(infoCommand("Displays information about the fabric module."));
        // targetcli 2.1.53 crashes here (rtslib's NameError); glio answers with its own version.
        list.add(CommandSpec.of("version", "Displays the target fabric module version.", a -> {
            shell.console().display("Target fabric module " + fabric.rtslibName() + ": glio " + Shell.VERSION);
            return null;
        }));
    }

    @Override
    public Optional<List<String>> info() {
        return Optional.of(List.of("Fabric module name: " + fabric.rtslibName(),
                "ConfigFS path: " + ConfigfsPaths.ROOT + "/" + fabric.configfsDir(),
                "Allowed WWN types: " + String.join(", ", fabric.wwnTypes().stream().map(WwnType::rtslibName).toList()),
                "Fabric module features: "
                        + String.join(", ", fabric.features().stream().map(FabricFeature::rtslibName).toList()),
                "Corresponding kernel module: " + fabric.kernelModule()));
    }

    private CommandSpec.Outcome create(String wwn) {
        Target target = model().createTarget(fabric, wwn == null || wwn.isEmpty() ? null : wwn);
        shell.console().info("Created target " + target.wwn() + ".");
        if (fabric.has(FabricFeature.TPGTS)) {
            return new TargetNode(shell, this, target).createTpg(null);
        }
        return shell.created(path() + "/" + target.wwn());
    }

    @Override
    protected void addGroups(List<ConfigGroup> groups) {
        if (!fabric.has(FabricFeature.DISCOVERY_AUTH)) {
            return;
        }
        List<ConfigParam> params = new ArrayList<>();
        params.add(new ConfigParam("enable", ValueType.NUMBER, true,
                null,
                () -> model().discoveryAuth().enabled() ? "True" : "False",
                v -> model().setDiscoveryAuthEnabled(!v.isEmpty() && Long.parseLong(v) != 0)));
        for (AuthField f : AuthField.values()) {
            params.add(new ConfigParam(f.rtslibName(), ValueType.STRING, true,
                    null,
                    () -> chap().get(f), v -> model().setDiscoveryAuth(f, v)));
        }
        groups.add(Groups.of("discovery_auth", params));
    }

    private ChapCredentials chap() {
        return model().discoveryAuth().credentials();
    }

    static int parseTag(String tag) {
        String t = tag.startsWith("tpg") ? tag.substring(3) : tag;
        try {
            return Integer.parseInt(t.strip());
        } catch (NumberFormatException e) {
            throw new ShellException("Tag argument must be a number.");
        }
    }
}
