package io.glio.engine.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The model as the I/O path reads it, immutable: every target with its TPGs, portals, LUNs,
 * node ACLs and mapped LUNs ({@link TargetSnapshot}, {@link TpgSnapshot}), and iSCSI discovery
 * authentication. {@link TargetModel} publishes a new one through a volatile reference after
 * each completed mutation and before its listeners run, so logins, SendTargets and LUN maps
 * read a consistent picture without the model's lock, and a listener reacting to an event
 * already sees the change in {@link TargetModel#snapshot()}.
 *
 * <p>A new snapshot rebuilds only the targets the mutation's events name and shares the others
 * with the previous one: a change costs the size of one target, not of the whole model.
 */
public final class ModelSnapshot {

    static final ModelSnapshot EMPTY = new ModelSnapshot(List.of(), DiscoveryAuth.DISABLED, 0);

    private final List<TargetSnapshot> targets;
    private final Map<Fabric, List<TargetSnapshot>> byFabric = new EnumMap<>(Fabric.class);
    private final Map<String, TargetSnapshot> byName = new HashMap<>();
    private final DiscoveryAuth discoveryAuth;
    private final long generation;

    private ModelSnapshot(List<TargetSnapshot> targets, DiscoveryAuth discoveryAuth, long generation) {
        this.targets = List.copyOf(targets);
        this.discoveryAuth = discoveryAuth;
        this.generation = generation;
        for (TargetSnapshot t : this.targets) {
            byFabric.computeIfAbsent(t.fabric(), f -> new ArrayList<>()).add(t);
            byName.put(key(t.fabric(), t.wwn()), t);
        }
        byFabric.replaceAll((f, list) -> List.copyOf(list));
    }

    /** Snapshots the whole model; call with its lock held. */
    static ModelSnapshot of(TargetModel model) {
        return EMPTY.next(model, model.targets, true);
    }

    /**
     * The snapshot after a mutation that changed {@code touched} targets (removed ones
     * included) and, when {@code discoveryChanged}, discovery authentication. Call with the
     * model's lock held.
     */
    ModelSnapshot next(TargetModel model, Collection<Target> touched, boolean discoveryChanged) {
        IdentityHashMap<Target, TargetSnapshot> previous = new IdentityHashMap<>();
        targets.forEach(t -> previous.put(t.target(), t));
        Set<Target> dirty = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        dirty.addAll(touched);
        List<TargetSnapshot> out = new ArrayList<>(model.targets.size());
        for (Target t : model.targets) {
            TargetSnapshot kept = previous.get(t);
            out.add(kept == null || dirty.contains(t) ? TargetSnapshot.of(t) : kept);
        }
        return new ModelSnapshot(out, discoveryChanged ? model.discoveryAuth : discoveryAuth, generation + 1);
    }

    /**
     * Counts the snapshots published before this one: a reader can tell whether what it read
     * is older than something it learned of otherwise (a portal bound at creation).
     */
    public long generation() {
        return generation;
    }

    /** All targets in creation order. */
    public List<TargetSnapshot> targets() {
        return targets;
    }

    /** The targets of one fabric in creation order. */
    public List<TargetSnapshot> targets(Fabric fabric) {
        return byFabric.getOrDefault(fabric, List.of());
    }

    /** Looks a target up by its normalised WWN. */
    public Optional<TargetSnapshot> target(Fabric fabric, String wwn) {
        return Optional.ofNullable(byName.get(key(fabric, wwn)));
    }

    public DiscoveryAuth discoveryAuth() {
        return discoveryAuth;
    }

    private static String key(Fabric fabric, String wwn) {
        return fabric.name() + ' ' + wwn;
    }

    /**
     * Adds the targets whose snapshot {@code event} changes; returns true when it changes
     * discovery authentication. Storage-object events matter only through the ALUA state of the
     * LUNs exporting the object (removals arrive as LUN events first).
     */
    static boolean collectTouched(ModelEvent event, Set<Target> into) {
        if (event instanceof ModelEvent.DiscoveryAuthChanged) {
            return true;
        }
        if (event instanceof ModelEvent.StorageObjectChanged c
                && c.aspect() == ModelEvent.StorageObjectAspect.ALUA_GROUPS) {
            c.storageObject().luns.forEach(l -> into.add(l.tpg().target()));
        }
        if (event.affectedTarget() != null) {
            into.add(event.affectedTarget());
        }
        return false;
    }
}
