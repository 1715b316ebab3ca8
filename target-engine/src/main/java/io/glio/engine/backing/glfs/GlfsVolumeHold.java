package io.glio.engine.backing.glfs;

import io.glio.gfapi.Glfs;

/**
 * A hold on the provider's shared connection to a store's volume, for work beside the store's
 * I/O (its LU metadata): no second connection is made, and the connection stays up until every
 * hold and store on it is closed.
 */
public final class GlfsVolumeHold implements AutoCloseable {

    private final GlfsConnections.Lease lease;

    GlfsVolumeHold(GlfsConnections.Lease lease) {
        this.lease = lease;
    }

    public Glfs glfs() {
        return lease.glfs();
    }

    /** Gives the hold back (idempotent); close the files opened through it first. */
    @Override
    public void close() {
        lease.close();
    }
}
