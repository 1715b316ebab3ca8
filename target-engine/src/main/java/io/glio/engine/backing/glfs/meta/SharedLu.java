package io.glio.engine.backing.glfs.meta;

import io.glio.engine.model.StorageObject.WwnOrigin;
import io.glio.gfapi.Glfs;
import io.glio.gfapi.GlfsException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gateway's side of a LU shared through its volume. At every tick (a fixed delay on the
 * metadata threads, never an event loop, never under the model's lock), under the LU's volume
 * lock: settles or re-checks the identity ({@link IdentityCheck}), records a resize made here
 * or takes one made by another gateway, and beats this gateway's registry entries
 * ({@link Heartbeats}), writes an ALUA setting asked for here ({@link #changeAlua}) and reads
 * the one recorded. A tick that cannot reach the volume changes nothing and is retried at the
 * next one; the ALUA changes waiting for it fail then, so the one who asked hears it.
 *
 * <p>Ticks of one LU never overlap (fixed delay); the fields below are confined to them, and
 * {@link #sharing()} publishes an immutable {@link LuSharing}.
 */
public final class SharedLu {

    private static final Logger LOG = LoggerFactory.getLogger(SharedLu.class);

    /** What the LU's gateway provides and is told. Called on the metadata thread. */
    public interface Host {
        /** The wwn, served size and block size now. */
        LuIdentity local();

        WwnOrigin origin();

        /** Where this gateway exports the LU now (a snapshot; no lock taken). */
        List<LuExport> exports();

        /** The volume's identity replaces ours (wwn, size or both); apply it and raise what SCSI requires. */
        void adopt(LuIdentity identity);

        /** The status changed (settled, conflict); publish it. */
        default void statusChanged(LuSharing sharing) {
        }

        /**
         * The registry and ALUA setting read at this tick (every tick: the beats always move);
         * {@code requester} is who asked for the ALUA change written at this tick, or null.
         */
        default void registryRead(GatewayRegistry registry, String requester) {
        }
    }

    /** Opens the volume for a tick; the LU closes it when the connection is lost or it stops. */
    public interface VolumeOpener {
        Glfs connection() throws GlfsException;
    }

    private final String path;
    private final String gatewayId;
    private final Host host;
    private final VolumeOpener opener;
    private final Duration lockWait;
    private final Heartbeats heartbeats;
    private final LongSupplier nanos;
    private volatile LuSharing sharing = LuSharing.PENDING;
    private final ConcurrentLinkedQueue<AluaChange> aluaChanges = new ConcurrentLinkedQueue<>();
    /** The changes taken from the queue by the tick under way (confined to ticks). */
    private final List<AluaChange> written = new ArrayList<>();
    private LuMetaVolume volume;
    private LuIdentity agreed;
    /** Our size at the previous tick: a change from it is a resize made here. */
    private long seenLocalSize;

    public SharedLu(String path, String gatewayId, Host host, VolumeOpener opener, Duration interval,
                    LongSupplier nanos) {
        this.path = path;
        this.host = host;
        this.opener = opener;
        this.lockWait = interval;
        this.heartbeats = new Heartbeats(gatewayId, interval.multipliedBy(3));
        this.nanos = nanos;
        this.gatewayId = gatewayId;
    }

    /** The latest published state. */
    public LuSharing sharing() {
        return sharing;
    }

    private record AluaChange(AluaPreference next, String requester, CompletableFuture<AluaPreference> done) {
    }

    /**
     * Records {@code next} on the volume at the next tick (any thread); the future completes
     * once it is written, or fails with the reason the tick could not reach the volume.
     *
     * @param requester handed back to {@link Host#registryRead} at the tick that writes it (may be null)
     */
    public CompletableFuture<AluaPreference> changeAlua(AluaPreference next, String requester) {
        CompletableFuture<AluaPreference> done = new CompletableFuture<>();
        aluaChanges.add(new AluaChange(next, requester, done));
        return done;
    }

    /** One round with the volume; never throws (failures are logged and retried). */
    public void tick() {
        try {
            if (volume == null) {
                volume = LuMetaVolume.open(opener.connection(), path);
            }
            volume.locked(lockWait, () -> {
                settleIdentity(volume);
                AluaPreference alua = alua(volume);
                beat(volume, alua, written.isEmpty() ? null : written.get(written.size() - 1).requester());
                return null;
            });
            written.forEach(c -> c.done().complete(c.next()));
            written.clear();
        } catch (GlfsException e) {
            failAluaChanges(e);
            LOG.debug("{}: LU metadata not reachable: {}", path, e.getMessage());
            closeVolume();
            if (sharing.status() == LuSharing.Status.PENDING) {
                publish(new LuSharing(LuSharing.Status.PENDING, "identity not read from the volume yet: "
                        + e.getMessage(), sharing.registry()));
            }
        } catch (MetaFormatException e) {
            failAluaChanges(e);
            publish(new LuSharing(LuSharing.Status.CONFLICT, "unreadable LU metadata on " + path + ": "
                    + e.getMessage(), sharing.registry()));
        } catch (RuntimeException e) {
            LOG.warn("{}: LU metadata tick failed", path, e);
            failAluaChanges(e);
            closeVolume();
        }
    }

    private void settleIdentity(LuMetaVolume v) throws GlfsException, MetaFormatException {
        Optional<LuIdentity> recorded = v.identity();
        LuIdentity ours = host.local();
        if (agreed == null) {
            IdentityCheck.Decision decision = IdentityCheck.decide(recorded, ours, host.origin(), path);
            if (decision instanceof IdentityCheck.Conflict c) {
                publish(new LuSharing(LuSharing.Status.CONFLICT, c.message(), sharing.registry()));
                return;
            }
            if (decision instanceof IdentityCheck.Write r) {
                v.writeIdentity(r.identity());
                agreed = r.identity();
            } else if (decision instanceof IdentityCheck.Use u) {
                agreed = u.recorded();
            }
            seenLocalSize = ours.size();
            if (!agreed.equals(ours)) {
                host.adopt(agreed);
            }
            publish(new LuSharing(LuSharing.Status.SHARED, "", sharing.registry()));
            return;
        }
        followChanges(v, recorded.orElse(null), ours);
    }

    /** After settling: a record changed by another gateway is taken, a resize made here is recorded. */
    private void followChanges(LuMetaVolume v, LuIdentity recorded, LuIdentity ours) throws GlfsException {
        // Only a change of our own size since the last tick is a resize made here: a size that
        // merely differs from the record (an adoption not applied yet) must not overwrite it.
        boolean resizedHere = ours.size() != seenLocalSize;
        seenLocalSize = ours.size();
        if (recorded != null && !recorded.equals(agreed)) {
            LOG.info("{}: identity changed on the volume from {} to {}", path, agreed, recorded);
            agreed = recorded;
            host.adopt(recorded);
        } else if (recorded == null || (resizedHere && ours.size() != agreed.size())) {
            agreed = agreed.withSize(ours.size());
            v.writeIdentity(agreed);
        }
    }

    /**
     * The recorded ALUA setting, after writing the changes asked for since the last tick; they
     * are kept in {@link #written} until the tick ends, then completed, or failed with it.
     */
    private AluaPreference alua(LuMetaVolume v) throws GlfsException, MetaFormatException {
        AluaPreference recorded = v.alua();
        for (AluaChange c = aluaChanges.poll(); c != null; c = aluaChanges.poll()) {
            written.add(c);
            v.writeAlua(c.next());
            recorded = c.next();
        }
        return recorded;
    }

    private void failAluaChanges(Exception cause) {
        written.forEach(c -> c.done().completeExceptionally(cause));
        written.clear();
        for (AluaChange c = aluaChanges.poll(); c != null; c = aluaChanges.poll()) {
            c.done().completeExceptionally(cause);
        }
    }

    private void beat(LuMetaVolume v, AluaPreference alua, String requester) throws GlfsException, MetaFormatException {
        List<GatewayEntry> recorded = v.gateways();
        List<GatewayEntry> next = heartbeats.next(recorded, host.exports(), nanos.getAsLong());
        if (!next.equals(recorded)) {
            v.writeGateways(next);
        }
        GatewayRegistry registry = new GatewayRegistry(next, gatewayId, alua);
        publish(sharing.withRegistry(registry));
        host.registryRead(registry, requester);
    }

    private void publish(LuSharing next) {
        LuSharing before = sharing;
        sharing = next;
        if (before.status() != next.status() || !before.message().equals(next.message())) {
            host.statusChanged(next);
        }
    }

    /** Releases the files (the connection is the opener's). Call when no tick runs any more. */
    public void closeVolume() {
        LuMetaVolume v = volume;
        volume = null;
        if (v != null) {
            try {
                v.close();
            } catch (GlfsException | RuntimeException e) {
                LOG.debug("{}: closing LU metadata files: {}", path, e.getMessage());
            }
        }
    }
}
