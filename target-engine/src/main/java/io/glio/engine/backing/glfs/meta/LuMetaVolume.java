package io.glio.engine.backing.glfs.meta;

import io.glio.gfapi.Glfs;
import io.glio.gfapi.GlfsException;
import io.glio.gfapi.GlfsFile;
import io.glio.gfapi.GlfsLock;
import io.glio.gfapi.GlfsLockHeldException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The metadata of one LU on its volume: three extended attributes of the data file, changed
 * under an exclusive gluster lock on {@value #LOCK_FILE} (gluster-block's
 * {@code block-meta/meta.lock}). Each LU locks its own byte of that file (the offset is a
 * hash of the data path), so LUs never wait for each other and every gateway of one LU takes
 * the same lock.
 *
 * <p>Read-modify-write happens only under the lock; each write is one {@code fsetxattr},
 * atomic on each brick, so no reader ever sees a part of a record (see the package notes).
 */
public final class LuMetaVolume implements AutoCloseable {

    /** The LU's identity ({@link LuIdentity} as JSON). */
    public static final String IDENTITY_XATTR = "user.glio.lu";
    /** The gateways exporting the LU ({@link GatewayEntry} list as JSON). */
    public static final String GATEWAYS_XATTR = "user.glio.gateways";
    /** The LU's ALUA setting ({@link AluaPreference} as JSON); absent means {@link AluaPreference#NONE}. */
    public static final String ALUA_XATTR = "user.glio.alua";
    static final String LOCK_DIR = "/.glio";
    static final String LOCK_FILE = LOCK_DIR + "/meta.lock";
    private static final long RETRY_MILLIS = 20;

    private final String path;
    private final GlfsFile data;
    private final GlfsFile lockFile;
    private final long lockOffset;

    private LuMetaVolume(String path, GlfsFile data, GlfsFile lockFile) {
        this.path = path;
        this.data = data;
        this.lockFile = lockFile;
        this.lockOffset = Integer.toUnsignedLong(path.hashCode());
    }

    /** Opens the data file (which must exist: the store creates it) and the lock file (created when missing). */
    public static LuMetaVolume open(Glfs glfs, String path) throws GlfsException {
        GlfsFile data = glfs.open(path);
        try {
            glfs.mkdirs(LOCK_DIR, 0700);
            return new LuMetaVolume(path, data, glfs.openOrCreate(LOCK_FILE, 0600));
        } catch (GlfsException | RuntimeException e) {
            data.close();
            throw e;
        }
    }

    /** Work done while holding the LU's lock. */
    public interface Locked<T> {
        T run() throws GlfsException, MetaFormatException;
    }

    /**
     * Runs {@code body} holding the LU's exclusive lock, waiting for it at most {@code maxWait}
     * (polling, so a lock held by a hung peer never blocks this thread for longer).
     *
     * @throws GlfsLockHeldException when the lock stayed held for {@code maxWait}
     */
    public <T> T locked(Duration maxWait, Locked<T> body) throws GlfsException, MetaFormatException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            try (GlfsLock held = lockFile.lock(true, lockOffset, 1, false)) {
                return body.run();
            } catch (GlfsLockHeldException e) {
                if (System.nanoTime() - deadline >= 0) {
                    throw e;
                }
                sleep();
            }
        }
    }

    public Optional<LuIdentity> identity() throws GlfsException, MetaFormatException {
        Optional<byte[]> value = data.getXattr(IDENTITY_XATTR);
        return value.isEmpty() ? Optional.empty() : Optional.of(MetaCodec.identity(value.get()));
    }

    public void writeIdentity(LuIdentity identity) throws GlfsException {
        data.setXattr(IDENTITY_XATTR, MetaCodec.identity(identity));
    }

    public List<GatewayEntry> gateways() throws GlfsException, MetaFormatException {
        Optional<byte[]> value = data.getXattr(GATEWAYS_XATTR);
        return value.isEmpty() ? List.of() : MetaCodec.gateways(value.get());
    }

    public void writeGateways(List<GatewayEntry> entries) throws GlfsException {
        data.setXattr(GATEWAYS_XATTR, MetaCodec.gateways(entries));
    }

    public AluaPreference alua() throws GlfsException, MetaFormatException {
        Optional<byte[]> value = data.getXattr(ALUA_XATTR);
        return value.isEmpty() ? AluaPreference.NONE : MetaCodec.alua(value.get());
    }

    public void writeAlua(AluaPreference alua) throws GlfsException {
        data.setXattr(ALUA_XATTR, MetaCodec.alua(alua));
    }

    public String path() {
        return path;
    }

    @Override
    public void close() throws GlfsException {
        try {
            lockFile.close();
        } finally {
            data.close();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the LU metadata lock", e);
        }
    }
}
