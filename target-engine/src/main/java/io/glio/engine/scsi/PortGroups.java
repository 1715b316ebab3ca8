package io.glio.engine.scsi;

import java.util.List;
import java.util.Optional;

/**
 * The ALUA target port groups of a LU exported by several gateways (SPC-4 5.15), as every
 * gateway must report them alike: one group per export, each with one target port, ids and
 * states taken from the registry on the volume. Immutable; a {@link LogicalUnit} publishes the
 * latest one, and REPORT TARGET PORT GROUPS, VPD 0x83 and the access check read it instead of
 * the local model's groups when it holds this nexus's own group.
 *
 * @param groups the groups in ascending id order
 */
public record PortGroups(List<Group> groups) {

    /**
     * One target port group.
     *
     * @param id           TARGET PORT GROUP id
     * @param state        asymmetric access state ({@link AluaAccess})
     * @param preferred    the PREF bit
     * @param status       STATUS CODE (00h none, 01h by STPG, 02h implicit)
     * @param relativePort the relative target port id of its one port
     * @param targetName   the iSCSI target exporting it, {@code tpgTag} its portal group
     * @param local        whether this gateway exports it
     */
    public record Group(int id, int state, boolean preferred, int status, int relativePort, String targetName,
                        int tpgTag, boolean local) {
    }

    public PortGroups {
        groups = List.copyOf(groups);
    }

    /** This gateway's group reached through {@code nexus}: its target and portal group. */
    public Optional<Group> own(ItNexus nexus) {
        return groups.stream().filter(g -> g.local() && g.targetName().equals(nexus.targetName())
                && g.tpgTag() == nexus.tpgTag()).findFirst();
    }

    /** The shared group of {@code nexus} on {@code unit}, empty when the LU is not shared (or not registered yet). */
    public static Optional<Group> ownOf(LogicalUnit unit, ItNexus nexus) {
        PortGroups shared = unit.portGroups();
        return shared == null ? Optional.empty() : shared.own(nexus);
    }

    /** Whether a group present in both has another state or status in {@code next}. */
    boolean statesChangedIn(PortGroups next) {
        for (Group before : groups) {
            for (Group after : next.groups) {
                if (before.id() == after.id() && (before.state() != after.state() || before.status() != after.status()
                        || before.preferred() != after.preferred())) {
                    return true;
                }
            }
        }
        return false;
    }
}
