package io.glio.shell.node;

import io.glio.engine.backing.glfs.meta.GatewayEntry;
import io.glio.engine.backing.glfs.meta.GatewayRegistry;
import io.glio.engine.backing.glfs.meta.LuSharing;
import io.glio.engine.model.StorageObject;
import io.glio.shell.ConfigGroup;
import io.glio.shell.ConfigParam;
import io.glio.shell.Shell;
import io.glio.shell.ShellException;
import io.glio.shell.Summary;
import io.glio.shell.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The shell's side of ALUA across gateways for a LU shared through its gluster volume: the
 * storage object's {@code alua} group ({@code set alua preferred_gateway=<id|this|none>}, which
 * the engine records on the volume, so every gateway follows it) and one read-only node per
 * port group of the registry under the object's {@code alua} node, shown as targetcli shows
 * ALUA groups ({@code [ALUA state: Active/optimized]}).
 */
final class SharedAlua {

    static final long WAIT_SECONDS = 10;

    private SharedAlua() {
    }

    /** The object's {@code alua} group, when a served engine shares the LU. */
    static Optional<ConfigGroup> preferenceGroup(Shell shell, StorageObject so) {
        if (shell.stores().sharing(so).isEmpty()) {
            return Optional.empty();
        }
        ConfigParam preferred = new ConfigParam("preferred_gateway", ValueType.STRING, true,
                "The gateway whose port groups are active/optimized (the others active/non-optimized): a gateway id,"
                        + " 'this' or 'none' (every group active/optimized). Recorded on the volume for every gateway.",
                () -> registry(shell, so).map(r -> r.alua().hasPreferred() ? r.alua().preferredGateway() : "none")
                        .orElse("none"),
                v -> prefer(shell, so, v));
        return Optional.of(Groups.of("alua", List.of(preferred)));
    }

    private static void prefer(Shell shell, StorageObject so, String value) {
        try {
            shell.stores().preferGateway(so, value).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new ShellException("Cannot set preferred_gateway: the volume was not reached: "
                    + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new ShellException("Cannot set preferred_gateway: the volume did not answer within " + WAIT_SECONDS
                    + " s; the setting is written once it does.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShellException("Interrupted waiting for the volume.");
        }
    }

    private static Optional<GatewayRegistry> registry(Shell shell, StorageObject so) {
        return shell.stores().sharing(so).map(LuSharing::registry);
    }

    /** One node per port group of the registry, named {@code gateway_<group id>}. */
    static List<UiNode> groupNodes(Shell shell, UiNode parent, StorageObject so) {
        List<UiNode> nodes = new ArrayList<>();
        registry(shell, so).ifPresent(r -> r.gateways().forEach(e -> nodes.add(new GroupNode(shell, parent, r, e))));
        return nodes;
    }

    /** A port group of a shared LU: read-only, from the registry on the volume. */
    private static final class GroupNode extends UiNode {
        private final GatewayRegistry registry;
        private final GatewayEntry entry;

        GroupNode(Shell shell, UiNode parent, GatewayRegistry registry, GatewayEntry entry) {
            super(shell, parent, "gateway_" + entry.group());
            this.registry = registry;
            this.entry = entry;
        }

        @Override
        public Summary summary() {
            return new Summary("ALUA state: " + AluaGroupsNode.stateName(registry.accessState(entry)), true);
        }

        @Override
        protected void addGroups(List<ConfigGroup> groups) {
            groups.add(Groups.of("alua", List.of(
                    read("tg_pt_gp_id", Integer.toString(entry.group())),
                    read("alua_access_state", Integer.toString(registry.accessState(entry))),
                    read("alua_access_status", Integer.toString(registry.alua().status())),
                    read("alua_access_type", "1"),
                    read("preferred", registry.preferred(entry) ? "1" : "0"),
                    read("gateway", entry.gateway() + (entry.gateway().equals(registry.self()) ? " (this one)" : "")),
                    read("members", "['iscsi/" + entry.iqn() + "/tpgt_" + entry.tpg() + "']"),
                    read("relative_target_port", Integer.toString(entry.port())))));
        }

        private static ConfigParam read(String name, String value) {
            return ConfigParam.readOnly(name, ValueType.STRING, null, () -> value);
        }
    }
}
