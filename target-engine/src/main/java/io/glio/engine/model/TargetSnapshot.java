package io.glio.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One target as the I/O path sees it, frozen with its TPGs (see {@link TpgSnapshot}).
 * {@link #target()} identifies the live target; read nothing mutable through it.
 */
public record TargetSnapshot(Target target, Fabric fabric, String wwn, List<TpgSnapshot> tpgs) {

    /** Freezes {@code target} and its TPGs; call with the model's lock held. */
    static TargetSnapshot of(Target target) {
        List<TpgSnapshot> tpgs = new ArrayList<>(target.tpgs.size());
        for (Tpg tpg : target.tpgs) {
            tpgs.add(TpgSnapshot.of(tpg));
        }
        return new TargetSnapshot(target, target.fabric(), target.wwn(), List.copyOf(tpgs));
    }

    public Optional<TpgSnapshot> tpg(int tag) {
        for (TpgSnapshot t : tpgs) {
            if (t.tag() == tag) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return target.toString();
    }
}
