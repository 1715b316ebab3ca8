package io.glio.shell.node;

import io.glio.shell.CommandSpec;
import io.glio.shell.ConfigGroup;
import io.glio.shell.ConfigParam;
import io.glio.shell.Shell;
import io.glio.shell.ShellException;
import io.glio.shell.Summary;
import io.glio.shell.ValueType;
import io.glio.engine.model.Lun;
import io.glio.engine.model.MappedLun;
import io.glio.engine.model.NodeAcl;
import io.glio.engine.model.StorageObject;
import io.glio.engine.model.Tpg;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code luns}: the TPG's LUNs, {@code create} with the automatic mapped LUNs, {@code delete}. */
final class LunsNode extends UiNode {

    private final Tpg tpg;

    LunsNode(Shell shell, UiNode parent, Tpg tpg) {
        super(shell, parent, "luns");
        this.tpg = tpg;
    }

    @Override
    protected List<UiNode> unsortedChildren() {
        List<UiNode> c = new ArrayList<>();
        for (Lun l : tpg.luns()) {
            c.add(new LunNode(shell, this, l));
        }
        return c;
    }

    @Override
    public Summary summary() {
        return Summary.of("LUNs: " + tpg.luns().size());
    }

    /** {@code "lun5"}, {@code "LUN5"} or {@code "5"} → {@code "5"}, as targetcli accepts LUN numbers. */
    static String withoutLunPrefix(String lun) {
        return lun.toLowerCase(java.util.Locale.ROOT).startsWith("lun") ? lun.substring(3) : lun;
    }

    static List<Lun> byIndex(Tpg tpg) {
        List<Lun> luns = new ArrayList<>(tpg.luns());
        luns.sort(Comparator.comparingInt(Lun::index));
        return luns;
    }

    @Override
    protected void addCommands(List<CommandSpec> list) {
        list.add(CommandSpec.of("create storage_object lun=None add_mapped_luns=None",
                "Creates a new LUN in the Target Portal Group, attached to a storage object.",
                a -> create(a.get("storage_object"), a.get("lun"), a.get("add_mapped_luns"))));
        list.add(CommandSpec.of("delete lun", "Deletes the supplied LUN from the Target Portal Group.", a -> {
            String lun = a.get("lun");
            String digits = withoutLunPrefix(lun);
            Optional<Lun> found;
            try {
                found = tpg.lun(Integer.parseInt(digits));
            } catch (NumberFormatException e) {
                found = Optional.empty();
            }
            if (found.isEmpty()) {
                throw new ShellException("Invalid LUN");
            }
            model().deleteLun(tpg, found.get().index());
            shell.console().info("Deleted LUN " + digits + ".");
            return null;
        }));
    }

    private CommandSpec.Outcome create(String soPath, String lunText, String addMappedText) {
        boolean addMapped = addMappedText == null ? shell.prefs().bool("auto_add_mapped_luns")
                : ValueType.BOOL.check(addMappedText).equals("true");
        StorageObject so = BackstoreLookup.byPath(shell, this, soPath).orElse(null);
        if (so == null) {
            so = BackstoreLookup.createFromFile(shell, soPath)
                    .orElseThrow(() -> new ShellException("storage object or path not valid"));
            shell.console().info("Created storage object " + so.name() + ".");
        }
        if (tpg.lunFor(so).isPresent()) {
            throw new ShellException("lun for storage object " + so.qualifiedName()
                    + " already exists");
        }
        Integer index = null;
        if (lunText != null && !lunText.isEmpty()) {
            String digits = withoutLunPrefix(lunText);
            try {
                index = Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                throw new ShellException("Invalid LUN index: " + lunText);
            }
        }
        Lun lun = model().createLun(tpg, index, so, null);
        shell.console().info("Created LUN " + lun.index() + ".");
        if (addMapped) {
            for (NodeAcl acl : tpg.nodeAcls()) {
                Set<Integer> used = acl.mappedLuns().stream().map(MappedLun::index).collect(Collectors.toSet());
                Integer mapped = index == null ? 0 : index;
                if (used.contains(mapped)) {
                    mapped = null;
                    for (int i = 0; i < 255; i++) {
                        if (!used.contains(i)) {
                            mapped = i;
                            break;
                        }
                    }
                }
                if (mapped == null) {
                    shell.console().warning("Cannot map new lun " + lun.index() + " into ACL " + acl.nodeWwn());
                } else {
                    model().createMappedLun(acl, mapped, lun.index(), false, null);
                    shell.console().info("Created LUN " + lun.index() + "->" + mapped + " mapping in node ACL "
                            + acl.nodeWwn());
                }
            }
        }
        return shell.created(path() + "/lun" + lun.index());
    }

    /** {@code lunN}: its storage object and ALUA group. */
    static final class LunNode extends UiNode {
        private final Lun lun;

        LunNode(Shell shell, UiNode parent, Lun lun) {
            super(shell, parent, "lun" + lun.index());
            this.lun = lun;
        }

        @Override
        public Summary summary() {
            StorageObject so = lun.storageObject();
            String d = so.qualifiedName();
            if (so.dev().isPresent()) {
                d += " (" + so.dev().get() + ")";
            }
            d += " (" + lun.aluaGroupName().orElse("None") + ")";
            return new Summary(d, true);
        }

        @Override
        protected void addCommands(List<CommandSpec> list) {
            list.add(infoCommand("Displays information about the LUN."));
        }

        @Override
        public Optional<List<String>> info() {
            return Optional.of(infoLines(Map.of("alias", lun.alias(), "alua_tg_pt_gp_name",
                    lun.aluaGroupName().orElse("None"), "index", Integer.toString(lun.index()),
                    "storage_object", lun.storageObject().savePath())));
        }

        @Override
        protected void addGroups(List<ConfigGroup> groups) {
            groups.add(Groups.of("alua", List.of(new ConfigParam("alua_tg_pt_gp_name", ValueType.STRING, true, null,
                    () -> lun.aluaGroupName().orElse("None"), v -> {
                        if (!v.isEmpty()) {
                            model().setLunAluaGroup(lun, v);
                        }
                    }))));
        }
    }
}
