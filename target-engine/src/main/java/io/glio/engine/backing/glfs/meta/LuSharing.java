package io.glio.engine.backing.glfs.meta;

/**
 * Where a shared LU stands, published as an immutable value for {@code ls}, {@code info} and
 * the engine.
 *
 * @param status   whether the identity is settled
 * @param message  why not (the conflict, the unreachable volume), empty when settled
 * @param registry the gateways exporting the LU, as last read
 */
public record LuSharing(Status status, String message, GatewayRegistry registry) {

    /** The identity's state. */
    public enum Status {
        /** Not read from the volume yet (unreachable, or the first read is under way): not served. */
        PENDING,
        /** This gateway uses the identity the volume records. */
        SHARED,
        /** The volume records another wwn than the one this object was given: not served. */
        CONFLICT
    }

    public static final LuSharing PENDING = new LuSharing(Status.PENDING, "identity not read from the volume yet",
            GatewayRegistry.EMPTY);

    LuSharing withRegistry(GatewayRegistry next) {
        return new LuSharing(status, message, next);
    }
}
