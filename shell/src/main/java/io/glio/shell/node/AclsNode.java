package io.glio.shell.node;

import io.glio.shell.CommandSpec;
import io.glio.shell.Shell;
import io.glio.shell.ShellException;
import io.glio.shell.Summary;
import io.glio.shell.ValueType;
import io.glio.engine.model.AuthField;
import io.glio.engine.model.FabricFeature;
import io.glio.engine.model.Lun;
import io.glio.engine.model.MappedLun;
import io.glio.engine.model.NodeAcl;
import io.glio.engine.model.Tpg;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code acls}: the TPG's node ACLs, shown by initiator WWN or grouped under their tag, with
 * {@code create}, {@code delete}, {@code tag} and {@code untag}.
 */
final class AclsNode extends UiNode {

    private final Tpg tpg;

    AclsNode(Shell shell, UiNode parent, Tpg tpg) {
        super(shell, parent, "acls");
        this.tpg = tpg;
    }

    /** The ACLs a node name stands for: the one with that WWN and all tagged with it. */
    List<NodeAcl> findTagged(String name) {
        List<NodeAcl> out = new ArrayList<>();
        for (NodeAcl a : tpg.nodeAcls()) {
            if (a.nodeWwn().equals(name) || a.tag().map(name::equals).orElse(false)) {
                out.add(a);
            }
        }
        return out;
    }

    private Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (NodeAcl a : tpg.nodeAcls()) {
            names.add(a.tag().orElse(a.nodeWwn()));
        }
        return names;
    }

    @Override
    protected List<UiNode> unsortedChildren() {
        List<UiNode> c = new ArrayList<>();
        for (String n : names()) {
            c.add(new AclNode(shell, this, tpg, n, findTagged(n)));
        }
        return c;
    }

    @Override
    public Summary summary() {
        return Summary.of("ACLs: " + names().size());
    }

    @Override
    protected void addCommands(List<CommandSpec> list) {
        list.add(CommandSpec.of("create wwn add_mapped_luns=None",
                "Creates a Node ACL for the initiator node with the specified wwn.", a -> {
                    boolean add = a.get("add_mapped_luns") == null ? shell.prefs().bool("auto_add_mapped_luns")
                            : ValueType.BOOL.check(a.get("add_mapped_luns")).equals("true");
                    NodeAcl acl = model().createNodeAcl(tpg, a.get("wwn"));
                    shell.console().info("Created Node ACL for " + acl.nodeWwn());
                    if (add) {
                        for (Lun lun : LunsNode.byIndex(tpg)) {
                            model().createMappedLun(acl, lun.index(), lun.index(), false, null);
                            shell.console().info("Created mapped LUN " + lun.index() + ".");
                        }
                    }
                    return shell.created(path() + "/" + acl.nodeWwn());
                }));
        list.add(CommandSpec.of("delete wwn", "Deletes the Node ACL with the specified wwn.", a -> {
            model().deleteNodeAcl(tpg, a.get("wwn"));
            shell.console().info("Deleted Node ACL " + a.get("wwn") + ".");
            return null;
        }));
        list.add(CommandSpec.of("tag wwn_or_tag new_tag", "Tag a NodeACL.", a -> {
            tag(a.get("wwn_or_tag"), a.get("new_tag"));
            return null;
        }));
        list.add(CommandSpec.of("untag wwn_or_tag", "Untag a NodeACL.", a -> {
            for (NodeAcl acl : findTagged(a.get("wwn_or_tag"))) {
                model().setNodeAclTag(acl, null);
            }
            return null;
        }));
    }

    private void tag(String wwnOrTag, String newTag) {
        if (wwnOrTag.equals(newTag)) {
            return;
        }
        if (newTag.contains(".")) {
            throw new ShellException("'.' not permitted in tag names.");
        }
        List<NodeAcl> src = findTagged(wwnOrTag);
        if (src.isEmpty()) {
            throw new ShellException("wwn_or_tag " + wwnOrTag + " not found.");
        }
        List<NodeAcl> oldMembers = new ArrayList<>(findTagged(newTag));
        oldMembers.removeIf(old -> src.stream().anyMatch(s -> s.nodeWwn().equals(old.nodeWwn())));
        for (NodeAcl acl : src) {
            model().setNodeAclTag(acl, newTag);
            if (!oldMembers.isEmpty()) {
                adopt(acl, oldMembers.get(0));
            }
        }
    }

    /** A new member of a tag takes the tag's mapped LUNs, CHAP settings and attributes. */
    private void adopt(NodeAcl acl, NodeAcl model) {
        for (MappedLun m : acl.mappedLuns()) {
            model().deleteMappedLun(acl, m.index());
        }
        for (MappedLun m : model.mappedLuns()) {
            model().createMappedLun(acl, m.index(), m.tpgLun().index(), m.writeProtect(), null);
        }
        if (tpg.fabric().has(FabricFeature.AUTH)) {
            for (AuthField f : AuthField.values()) {
                model().setNodeAclAuth(acl, f, model.chap().get(f));
            }
        }
        model.attributes().writable().forEach((k, v) -> model().setNodeAclAttribute(acl, k, v));
    }
}
