package io.glio.shell.node;

import io.glio.shell.CommandSpec;
import io.glio.shell.ConfigGroup;
import io.glio.shell.ConfigParam;
import io.glio.shell.Shell;
import io.glio.shell.ShellException;
import io.glio.shell.Summary;
import io.glio.shell.ValueType;
import io.glio.engine.model.AuthField;
import io.glio.engine.model.Fabric;
import io.glio.engine.model.FabricFeature;
import io.glio.engine.model.Tpg;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A TPG: {@code tpgN} under a target, or, for fabrics without TPG tags (loopback), the target
 * node itself merged with its single TPG 1 and named by the target's WWN.
 */
final class TpgNode extends UiNode {

    private final Tpg tpg;
    private final boolean merged;

    TpgNode(Shell shell, UiNode parent, Tpg tpg, boolean merged) {
        super(shell, parent, merged ? tpg.target().wwn() : "tpg" + tpg.tag());
        this.tpg = tpg;
        this.merged = merged;
    }

    private boolean has(FabricFeature f) {
        return tpg.fabric().has(f);
    }

    @Override
    protected List<UiNode> unsortedChildren() {
        List<UiNode> c = new ArrayList<>();
        if (has(FabricFeature.ACLS)) {
            c.add(new AclsNode(shell, this, tpg));
        }
        c.add(new LunsNode(shell, this, tpg));
        if (has(FabricFeature.NPS)) {
            c.add(new PortalsNode(shell, this, tpg));
        }
        return c;
    }

    @Override
    public Summary summary() {
        if (merged && !TargetNode.validWwn(tpg.target())) {
            return new Summary("INVALID WWN", false);
        }
        List<String> msg = new ArrayList<>();
        Boolean status = null;
        if (has(FabricFeature.NEXUS)) {
            msg.add(tpg.nexus().orElse(""));
        }
        nbdSocket().ifPresent(s -> msg.add("nbd " + s));
        if (!enabled()) {
            return new Summary("disabled", false);
        }
        if (has(FabricFeature.ACLS)) {
            boolean gen = tpg.generateNodeAcls();
            msg.add(gen ? "gen-acls" : "no-gen-acls");
            if (has(FabricFeature.AUTH)) {
                if (!tpg.authentication()) {
                    msg.add("no-auth");
                    if (gen) {
                        status = true;
                    }
                } else if (!gen) {
                    msg.add("auth per-acl");
                } else {
                    msg.add("tpg-auth");
                    status = tpg.chap().hasCredentials();
                    msg.add(tpg.chap().isMutual() ? "mutual auth" : "1-way auth");
                }
            }
        }
        return new Summary(String.join(", ", msg), status);
    }

    @Override
    protected void addCommands(List<CommandSpec> list) {
        {
            // Every TPG node has them; a TPG without an enable switch (loopback) is always enabled.
            list.add(CommandSpec.of("enable", "Enables the TPG.", a -> {
                if (enabled()) {
                    shell.console().info("The TPGT is already enabled.");
                } else if (model().setTpgEnabled(tpg, true)) {
                    shell.console().info("The TPGT has been enabled.");
                } else {
                    throw new ShellException("The TPGT could not be enabled.");
                }
                return null;
            }));
            list.add(CommandSpec.of("disable", "Disables the TPG.", a -> {
                if (enabled()) {
                    model().setTpgEnabled(tpg, false);
                    shell.console().info("The TPGT has been disabled.");
                } else {
                    shell.console().info("The TPGT is already disabled.");
                }
                return null;
            }));
        }
        list.add(infoCommand("Displays information about the TPG."));
    }

    private boolean enabled() {
        return !tpg.fabric().tpgHasEnable() || tpg.enabled();
    }

    @Override
    public Optional<List<String>> info() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("tag", Integer.toString(tpg.tag()));
        v.put("enable", StorageObjectNode.py(enabled()));
        for (AuthField f : AuthField.values()) {
            if (!tpg.chap().get(f).isEmpty()) {
                v.put("chap_" + f.rtslibName(), tpg.chap().get(f));
            }
        }
        nbdSocket().ifPresent(s -> v.put("nbd_socket", s));
        return Optional.of(infoLines(v));
    }

    /** Where a loopback target's LUNs are served over NBD, while they are. */
    private Optional<String> nbdSocket() {
        if (!merged || tpg.fabric() != Fabric.LOOPBACK) {
            return Optional.empty();
        }
        return shell.loopbackSockets().socket(tpg.target().wwn()).map(java.nio.file.Path::toString);
    }

    @Override
    protected void addGroups(List<ConfigGroup> groups) {
        if (!tpg.parameters().isEmpty()) {
            groups.add(Groups.fromAttributes("parameter", Descriptions.Scope.TPGPARAM, tpg::parameters,
                    (n, v) -> model().setTpgParameter(tpg, n, v)));
        }
        groups.add(Groups.fromAttributes("attribute", Descriptions.Scope.TPG, tpg::attributes,
                (n, v) -> model().setTpgAttribute(tpg, n, v)));
        if (has(FabricFeature.AUTH)) {
            groups.add(authGroup(f -> tpg.chap().get(f), (f, v) -> model().setTpgAuth(tpg, f, v)));
        }
    }

    /** The {@code auth} group of a TPG or node ACL: the four CHAP strings, empty clears. */
    static ConfigGroup authGroup(java.util.function.Function<AuthField, String> get,
                                 java.util.function.BiConsumer<AuthField, String> set) {
        List<ConfigParam> params = new ArrayList<>();
        for (AuthField f : AuthField.values()) {
            params.add(new ConfigParam(f.rtslibName(), ValueType.STRING, true, null,
                    () -> get.apply(f), v -> set.accept(f, v)));
        }
        return Groups.of("auth", params);
    }
}
