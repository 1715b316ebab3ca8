package io.glio.shell.node;

import io.glio.shell.CommandSpec;
import io.glio.shell.ConfigGroup;
import io.glio.shell.Shell;
import io.glio.shell.ShellException;
import io.glio.shell.Summary;
import io.glio.engine.model.AuthField;
import io.glio.engine.model.FabricFeature;
import io.glio.engine.model.Lun;
import io.glio.engine.model.MappedLun;
import io.glio.engine.model.NodeAcl;
import io.glio.engine.model.StorageObject;
import io.glio.engine.model.Tpg;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One node ACL, or the ACLs sharing a tag: reads come from the first, changes go to all, as
 * targetcli handles tagged groups.
 */
final class AclNode extends UiNode {

    private final Tpg tpg;
    private final List<NodeAcl> acls;

    AclNode(Shell shell, UiNode parent, Tpg tpg, String name, List<NodeAcl> acls) {
        super(shell, parent, name);
        this.tpg = tpg;
        this.acls = acls;
    }

    private NodeAcl first() {
        return acls.get(0);
    }

    @Override
    protected List<UiNode> unsortedChildren() {
        List<UiNode> c = new ArrayList<>();
        for (MappedLun m : first().mappedLuns()) {
            c.add(new MappedLunNode(shell, this, m));
        }
        return c;
    }

    @Override
    public Summary summary() {
        List<String> msg = new ArrayList<>();
        Boolean status = null;
        if (!name().equals(first().nodeWwn())) {
            msg.add(acls.size() > 1 ? "(group of " + acls.size() + ")" : "(" + first().nodeWwn() + ")");
        }
        if (tpg.fabric().has(FabricFeature.AUTH) && tpg.authentication()) {
            if (tpg.generateNodeAcls()) {
                msg.add("auth via tpg");
            } else {
                status = first().chap().hasCredentials();
                msg.add(first().chap().isMutual() ? "mutual auth" : "1-way auth");
            }
        }
        msg.add("Mapped LUNs: " + first().mappedLuns().size());
        return new Summary(String.join(", ", msg), status);
    }

    @Override
    protected void addCommands(List<CommandSpec> list) {
        list.add(CommandSpec.of("create mapped_lun tpg_lun_or_backstore write_protect=None",
                "Creates a mapping to one of the TPG LUNs for the initiator referenced by the ACL.",
                a -> create(a.get("mapped_lun"), a.get("tpg_lun_or_backstore"), a.get("write_protect"))));
        list.add(CommandSpec.of("delete mapped_lun", "Deletes the specified mapped LUN.", a -> {
            int index;
            try {
                index = Integer.parseInt(a.get("mapped_lun"));
            } catch (NumberFormatException e) {
                throw new ShellException("The mapped_lun parameter must be an integer value");
            }
            for (NodeAcl acl : acls) {
                model().deleteMappedLun(acl, index);
            }
            shell.console().info("Deleted Mapped LUN " + a.get("mapped_lun") + ".");
            return null;
        }));
        list.add(infoCommand("Displays information about the node ACL."));
    }

    private CommandSpec.Outcome create(String mappedText, String lunOrBackstore, String writeProtectText) {
        int mapped;
        try {
            mapped = Integer.parseInt(mappedText.strip());
        } catch (NumberFormatException e) {
            throw new ShellException("mapped_lun must be an integer");
        }
        int tpgLun;
        // Unlike luns/ create, targetcli only strips a lower-case "lun" here.
        String digits = lunOrBackstore.startsWith("lun") ? lunOrBackstore.substring(3) : lunOrBackstore;
        if (digits.matches("[+-]?\\d+")) {
            tpgLun = Integer.parseInt(digits);
        } else {
            StorageObject so = BackstoreLookup.byPath(shell, this, lunOrBackstore).orElse(null);
            if (so == null) {
                so = BackstoreLookup.createFromFile(shell, lunOrBackstore)
                        .orElseThrow(() -> new ShellException("LUN, storage object, or path not valid"));
                shell.console().info("Created storage object " + so.name() + ".");
            }
            Optional<Lun> existing = tpg.lunFor(so);
            if (existing.isPresent()) {
                tpgLun = existing.get().index();
            } else {
                Lun lun = model().createLun(tpg, null, so, null);
                shell.console().info("Created LUN " + lun.index() + ".");
                tpgLun = lun.index();
            }
        }
        boolean writeProtect = writeProtect(writeProtectText);
        int wanted = tpgLun;
        if (first().mappedLuns().stream().anyMatch(m -> m.tpgLun().index() == wanted)) {
            shell.console().warning("Warning: TPG LUN " + tpgLun + " already mapped to this NodeACL");
        }
        MappedLun m = null;
        for (NodeAcl acl : acls) {
            m = model().createMappedLun(acl, mapped, tpgLun, writeProtect, null);
        }
        shell.console().info("Created Mapped LUN " + m.index() + ".");
        return shell.created(path() + "/mapped_lun" + m.index());
    }

    /** rtslib's reading: an integer above 0 protects; anything else (even {@code true}) does not. */
    private static boolean writeProtect(String text) {
        if (text == null) {
            return false;
        }
        try {
            return Integer.parseInt(text.strip()) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public Optional<List<String>> info() {
        Map<String, String> v = new LinkedHashMap<>();
        for (AuthField f : AuthField.values()) {
            if (!first().chap().get(f).isEmpty()) {
                v.put("chap_" + f.rtslibName(), first().chap().get(f));
            }
        }
        first().tag().ifPresent(t -> v.put("tag", t));
        List<String> lines = infoLines(v);
        lines.add("wwns:");
        acls.forEach(a -> lines.add(a.nodeWwn()));
        return Optional.of(lines);
    }

    @Override
    protected void addGroups(List<ConfigGroup> groups) {
        if (!tpg.parameters().isEmpty()) {
            // A node ACL shows its TPG's parameters, read-only.
            groups.add(Groups.readOnly("parameter", Descriptions.Scope.TPGPARAM, tpg::parameters));
        }
        groups.add(Groups.fromAttributes("attribute", Descriptions.Scope.ACL, () -> first().attributes(),
                (n, v) -> acls.forEach(a -> model().setNodeAclAttribute(a, n, v))));
        if (tpg.fabric().has(FabricFeature.AUTH)) {
            groups.add(TpgNode.authGroup(f -> first().chap().get(f),
                    (f, v) -> acls.forEach(a -> model().setNodeAclAuth(a, f, v))));
        }
    }

    /** {@code mapped_lunN}: which TPG LUN and storage object, read-only or not. */
    static final class MappedLunNode extends UiNode {
        private final MappedLun mapped;

        MappedLunNode(Shell shell, UiNode parent, MappedLun mapped) {
            super(shell, parent, "mapped_lun" + mapped.index());
            this.mapped = mapped;
        }

        @Override
        public Summary summary() {
            Lun l = mapped.tpgLun();
            StorageObject so = l.storageObject();
            return new Summary("lun" + l.index() + " " + so.qualifiedName() + " ("
                    + (mapped.writeProtect() ? "ro" : "rw") + ")", true);
        }

        @Override
        protected void addCommands(List<CommandSpec> list) {
            list.add(infoCommand("Displays information about the mapped LUN."));
        }

        @Override
        public Optional<List<String>> info() {
            return Optional.of(infoLines(Map.of("alias", mapped.alias(), "index", Integer.toString(mapped.index()),
                    "tpg_lun", Integer.toString(mapped.tpgLun().index()),
                    "write_protect", StorageObjectNode.py(mapped.writeProtect()))));
        }
    }
}
