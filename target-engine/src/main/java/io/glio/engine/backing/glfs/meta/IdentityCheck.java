package io.glio.engine.backing.glfs.meta;

import io.glio.engine.model.StorageObject.WwnOrigin;
import java.util.Optional;

/**
 * Decides a gateway's LU identity against what the volume records: the first gateway records
 * its own; later ones take the recorded wwn unless an admin gave another one explicitly, which
 * is refused showing both values unless forced (then it replaces the record). A restored
 * object whose saved wwn disagrees is refused too: silently changing the identity of a LU an
 * initiator already knows is worse than not serving it.
 */
public final class IdentityCheck {

    /** What to do. */
    public sealed interface Decision {
    }

    /** The volume has no identity yet (or the admin forced ours): write this one. */
    public record Write(LuIdentity identity) implements Decision {
    }

    /** The volume's identity stands; {@code adoptWwn} when ours differs and must change to it. */
    public record Use(LuIdentity recorded, boolean adoptWwn) implements Decision {
    }

    /** Ours and the volume's disagree and ours was given explicitly: do not serve. */
    public record Conflict(String message) implements Decision {
    }

    private IdentityCheck() {
    }

    /**
     * @param recorded what the volume holds, empty when nothing
     * @param ours     this gateway's object: wwn, served size, block size
     * @param origin   how ours got its wwn
     * @param path     the data file, for the message
     */
    public static Decision decide(Optional<LuIdentity> recorded, LuIdentity ours, WwnOrigin origin, String path) {
        if (recorded.isEmpty() || (origin == WwnOrigin.FORCED && !recorded.get().wwn().equals(ours.wwn()))) {
            return new Write(recorded.map(r -> new LuIdentity(ours.wwn(), r.size(), r.blockSize())).orElse(ours));
        }
        LuIdentity theirs = recorded.get();
        if (theirs.wwn().equals(ours.wwn())) {
            return new Use(theirs, false);
        }
        if (origin == WwnOrigin.GENERATED) {
            return new Use(theirs, true);
        }
        String how = origin == WwnOrigin.GIVEN ? "wwn=" + ours.wwn() + " was given" : "the saved wwn is " + ours.wwn();
        return new Conflict("wwn conflict for " + path + ": the volume records wwn " + theirs.wwn() + " but " + how
                + "; leave wwn out to use the volume's, or add force=true to replace it");
    }
}
