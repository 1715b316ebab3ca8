package io.glio.shell.node;

import io.glio.shell.CommandSpec;
import io.glio.shell.ConfigGroup;
import io.glio.shell.ConfigParam;
import io.glio.shell.Shell;
import io.glio.shell.ShellException;
import io.glio.shell.Summary;
import io.glio.shell.ValueType;
import io.glio.engine.model.AluaGroup;
import io.glio.engine.model.StorageObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code <storage object>/alua}: the object's ALUA target port groups. */
final class AluaGroupsNode extends UiNode {

    private static final Map<Integer, String> STATES = Map.of(0, "Active/optimized", 1, "Active/non-optimized",
            2, "Standby", 3, "Unavailable", 4, "LBA Dependent", 14, "Offline", 15, "Transitioning");

    private final StorageObject so;

    AluaGroupsNode(Shell shell, UiNode parent, StorageObject so) {
        super(shell, parent, "alua");
        this.so = so;
    }

    @Override
    protected List<UiNode> unsortedChildren() {
        List<UiNode> c = new ArrayList<>();
        for (AluaGroup g : so.aluaGroups()) {
            c.add(new GroupNode(shell, this, g));
        }
        // glio's addition: the port groups a LU shared through its volume reports (every gateway's).
        c.addAll(SharedAlua.groupNodes(shell, this, so));
        return c;
    }

    @Override
    public Summary summary() {
        return Summary.of("ALUA Groups: " + children().size());
    }

    /** targetcli's name of an asymmetric access state. */
    static String stateName(int state) {
        return STATES.getOrDefault(state, "Unknown");
    }

    @Override
    protected void addCommands(List<CommandSpec> list) {
        list.add(CommandSpec.of("create name tag",
                "Create a new ALUA Target Port Group attached to a storage object.", a -> {
                    int tag;
                    try {
                        tag = Integer.parseInt(a.get("tag"));
                    } catch (NumberFormatException e) {
                        throw new ShellException("Tag argument must be a number.");
                    }
                    AluaGroup g = model().createAluaGroup(so, a.get("name"), tag);
                    shell.console().info("Created ALUA TPG " + g.name() + ".");
                    return shell.created(path() + "/" + g.name());
                }));
        list.add(CommandSpec.of("delete name",
                "Delete the ALUA Target Por Group and unmap it from a LUN if needed.", a -> {
                    String name = a.get("name");
                    if (so.aluaGroup(name).isEmpty()) {
                        throw new ShellException("Invalid ALUA group name");
                    }
                    model().deleteAluaGroup(so, name);
                    return null;
                }));
    }

    /** One ALUA group: its state and the {@code alua} parameter group. */
    static final class GroupNode extends UiNode {
        private final AluaGroup group;

        GroupNode(Shell shell, UiNode parent, AluaGroup group) {
            super(shell, parent, group.name());
            this.group = group;
        }

        @Override
        public Summary summary() {
            return new Summary("ALUA state: " + stateName(group.accessState()), true);
        }

        @Override
        protected void addGroups(List<ConfigGroup> groups) {
            List<ConfigParam> params = new ArrayList<>();
            for (String p : group.parameters().keySet()) {
                params.add(new ConfigParam(p, ValueType.STRING, true, null,
                        () -> Long.toString(group.parameter(p)), v -> {
                            if (v.isEmpty()) {
                                return;
                            }
                            long value;
                            try {
                                value = Long.parseLong(v);
                            } catch (NumberFormatException e) {
                                throw new ShellException("Cannot set " + p + ": invalid literal for int() with base 10: '"
                                        + v + "'");
                            }
                            model().setAluaParameter(group, p, value);
                        }));
            }
            params.add(ConfigParam.readOnly("tg_pt_gp_id", ValueType.STRING, null, () -> Integer.toString(group.id())));
            params.add(ConfigParam.readOnly("alua_support_lba_dependent", ValueType.STRING, null, () -> "0"));
            params.add(ConfigParam.readOnly("members", ValueType.STRING, null, this::members));
            groups.add(Groups.of("alua", params));
        }

        @Override
        protected void addCommands(List<CommandSpec> list) {
            list.add(infoCommand("Displays information about the ALUA group."));
        }

        /** rtslib's dump of the group: its parameters, name and id. */
        @Override
        public Optional<List<String>> info() {
            Map<String, String> values = new java.util.HashMap<>();
            group.parameters().forEach((k, v) -> values.put(k, Long.toString(v)));
            values.put("name", group.name());
            values.put("tg_pt_gp_id", Integer.toString(group.id()));
            return Optional.of(infoLines(values));
        }

        /** rtslib's {@code members}: a Python list of {@code fabric/wwn/tpgt_N/lun_M}. */
        private String members() {
            return "[" + group.storageObject().luns().stream()
                    .filter(l -> l.aluaGroupName().map(group.name()::equals).orElse(false))
                    .map(l -> l.tpg().fabric().rtslibName() + "/" + l.tpg().target().wwn() + "/tpgt_"
                            + l.tpg().tag() + "/lun_" + l.index())
                    .map(m -> "'" + m + "'")
                    .collect(Collectors.joining(", ")) + "]";
        }
    }
}
