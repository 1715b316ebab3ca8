package io.glio.shell.node;

import io.glio.shell.CommandSpec;
import io.glio.shell.Shell;
import io.glio.shell.ShellException;
import io.glio.shell.Summary;
import io.glio.shell.ValueType;
import io.glio.engine.model.Portal;
import io.glio.engine.model.Tpg;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code portals}: the TPG's network portals. */
final class PortalsNode extends UiNode {

    private final Tpg tpg;

    PortalsNode(Shell shell, UiNode parent, Tpg tpg) {
        super(shell, parent, "portals");
        this.tpg = tpg;
    }

    @Override
    protected List<UiNode> unsortedChildren() {
        List<UiNode> c = new ArrayList<>();
        for (Portal p : tpg.portals()) {
            c.add(new PortalNode(shell, this, p));
        }
        return c;
    }

    @Override
    public Summary summary() {
        return Summary.of("Portals: " + tpg.portals().size());
    }

    /** IPv4 as typed; anything without a dot is IPv6 and goes in brackets, as rtslib expects. */
    private static String canonical(String ip) {
        return ip.contains(".") ? ip : "[" + ip + "]";
    }

    @Override
    protected void addCommands(List<CommandSpec> list) {
        list.add(CommandSpec.of("create ip_address=None ip_port=None",
                "Creates a Network Portal with the specified IP address and port.", a -> {
                    String portText = a.get("ip_port");
                    int port = portText == null || portText.isEmpty() ? 3260
                            : Integer.parseInt(ValueType.NUMBER.check(portText));
                    String ip = a.get("ip_address") == null || a.get("ip_address").isEmpty() ? "0.0.0.0"
                            : a.get("ip_address");
                    if (port == 3260) {
                        shell.console().info("Using default IP port 3260");
                    }
                    if (ip.equals("0.0.0.0")) {
                        shell.console().info("Binding to INADDR_ANY (0.0.0.0)");
                    }
                    Portal p = model().createPortal(tpg, canonical(ip), port);
                    shell.console().info("Created network portal " + ip + ":" + port + ".");
                    return shell.created(path() + "/" + p.name());
                }));
        list.add(CommandSpec.of("delete ip_address ip_port",
                "Deletes the Network Portal with the specified IP address and port.", a -> {
                    String ip = a.get("ip_address");
                    int port;
                    try {
                        port = Integer.parseInt(a.get("ip_port"));
                    } catch (NumberFormatException e) {
                        throw new ShellException("No such NetworkPortal in configfs: " + tpg.configfsPath() + "/np/"
                                + canonical(ip) + ":" + a.get("ip_port"));
                    }
                    model().deletePortal(tpg, canonical(ip), port);
                    shell.console().info("Deleted network portal " + ip + ":" + a.get("ip_port"));
                    return null;
                }));
    }

    /** One portal: {@code ip:port}, summary OK / iser / offload. */
    static final class PortalNode extends UiNode {
        private final Portal portal;

        PortalNode(Shell shell, UiNode parent, Portal portal) {
            super(shell, parent, portal.name());
            this.portal = portal;
        }

        @Override
        public Summary summary() {
            String text = portal.iser() ? "iser" : portal.offload() ? "offload" : "";
            // glio's addition: a served portal nobody listens on says so instead of OK.
            return shell.stores().portalProblem(portal)
                    .map(problem -> new Summary(text.isEmpty() ? problem : text + ", " + problem, false))
                    .orElse(new Summary(text, true));
        }

        @Override
        protected void addCommands(List<CommandSpec> list) {
            list.add(CommandSpec.of("enable_iser boolean", "Enables or disables iSER for this NetworkPortal.", a -> {
                model().setPortalIser(portal, BackstoreCreate.bool(a.get("boolean"), false));
                shell.console().info("iSER enable now: " + StorageObjectNode.py(portal.iser()));
                return null;
            }));
            list.add(CommandSpec.of("enable_offload boolean", "Enables or disables offload for this NetworkPortal.",
                    a -> {
                        model().setPortalOffload(portal, BackstoreCreate.bool(a.get("boolean"), false));
                        shell.console().info("offload enable now: " + StorageObjectNode.py(portal.offload()));
                        return null;
                    }));
            list.add(infoCommand("Displays information about the portal."));
        }

        @Override
        public Optional<List<String>> info() {
            return Optional.of(infoLines(Map.of("ip_address", portal.ipAddress(), "port",
                    Integer.toString(portal.port()), "iser", StorageObjectNode.py(portal.iser()),
                    "offload", StorageObjectNode.py(portal.offload()))));
        }
    }
}
