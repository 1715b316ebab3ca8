package io.glio.engine.backing.glfs;

import io.glio.gfapi.Glfs;
import io.glio.gfapi.Glfs.XlatorOption;
import io.glio.gfapi.GlfsException;
import io.glio.gfapi.VolfileServer;
import io.glio.engine.backing.glfs.GlfsConfigString.VolumeKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gluster connections of a provider: one {@link Glfs} per volume, server list and
 * {@link GlfsCaching}, shared by every store on it and reference-counted; the last release disconnects ({@code glfs_fini}, ten
 * seconds) on a daemon thread so closing a store does not wait for it.
 */
final class GlfsConnections {

    private static final Logger LOG = LoggerFactory.getLogger(GlfsConnections.class);

    /** How a connection is made; tests count calls through it. */
    interface Connector {
        Glfs connect(String volume, List<VolfileServer> servers, List<XlatorOption> options) throws GlfsException;
    }

    /** A store's hold on a connection; closing it once gives the hold back. */
    final class Lease implements AutoCloseable {
        private final Entry entry;
        private boolean released;

        private Lease(Entry entry) {
            this.entry = entry;
        }

        Glfs glfs() {
            return entry.glfs;
        }

        @Override
        public void close() {
            synchronized (this) {
                if (released) {
                    return;
                }
                released = true;
            }
            release(entry);
        }
    }

    /** What one connection serves. */
    private record Key(VolumeKey volume, GlfsCaching caching) {
    }

    private static final class Entry {
        final Key key;
        int holders;
        volatile Glfs glfs;

        Entry(Key key) {
            this.key = key;
        }
    }

    private final Connector connector;
    private final Map<Key, Entry> entries = new HashMap<>();

    GlfsConnections(Connector connector) {
        this.connector = connector;
    }

    /**
     * Holds the connection to a volume with the given client caching, connecting first if nobody
     * holds it yet. Blocks while
     * connecting (callers run off the event loops); concurrent callers for one volume wait for
     * the same attempt.
     *
     * @throws GlfsException when connecting fails; nothing is held then
     */
    Lease acquire(VolumeKey volume, GlfsCaching caching) throws GlfsException {
        Entry entry;
        synchronized (entries) {
            entry = entries.computeIfAbsent(new Key(volume, caching), Entry::new);
            entry.holders++;
        }
        try {
            synchronized (entry) {
                if (entry.glfs == null) {
                    entry.glfs = connector.connect(volume.volume(), volume.servers(), caching.options());
                }
            }
        } catch (GlfsException | RuntimeException e) {
            release(entry);
            throw e;
        }
        return new Lease(entry);
    }

    /** Connections currently held (for tests and {@code info}). */
    int connectionCount() {
        synchronized (entries) {
            return (int) entries.values().stream().filter(e -> e.glfs != null).count();
        }
    }

    private void release(Entry entry) {
        synchronized (entries) {
            if (--entry.holders > 0) {
                return;
            }
            entries.remove(entry.key);
        }
        Glfs glfs;
        synchronized (entry) {
            glfs = entry.glfs;
            entry.glfs = null;
        }
        if (glfs != null) {
            Thread fini = new Thread(() -> disconnect(glfs), "glfs-fini-" + entry.key.volume().volume());
            fini.setDaemon(true);
            fini.start();
        }
    }

    private static void disconnect(Glfs glfs) {
        try {
            glfs.close();
        } catch (IllegalStateException e) {
            // A store released its lease with a file still open: keep the connection rather than
            // free memory gfapi is using.
            LOG.warn("not disconnecting {}: {}", glfs, e.getMessage());
        }
    }
}
