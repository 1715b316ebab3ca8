package io.glio.engine.backing.glfs;

import io.glio.gfapi.Glfs.XlatorOption;
import java.util.List;

/**
 * Which client-side caches a gluster connection keeps, chosen per user:glfs LU from its
 * {@code emulate_write_cache} attribute. Stores of either kind never share a connection, since
 * these are options of the connection's client graph.
 *
 * <p>Several gateways may export one file (issue 12, one coherent LU), each with its own gluster
 * client. A cache private to one client breaks the LU there: write-behind acknowledges a write
 * that is still only in that gateway's memory (a SYNCHRONIZE CACHE through another gateway does
 * not flush it, and the gateway's death loses it), and the read caches can return data another
 * gateway has overwritten since. Measured on the test volume with two connections in one JVM
 * (a 4 KiB write through one, read back at once through the other, 3000 random offsets): 1627
 * and 395 stale reads of 3000 with the volume's caches, 0 with {@link #NONE}.
 */
enum GlfsCaching {

    /**
     * No private cache ({@code emulate_write_cache=0}, LIO's default and what rtslib files carry
     * for user objects): a write is acknowledged once the bricks have it (every replica), every
     * read asks them, so every gateway sees every acknowledged write and a gateway's death loses
     * none. The bricks still hold a write in their page cache until it is flushed, so the LU
     * keeps reporting a volatile write cache (WCE=1, as glio always has for user:glfs): FUA and
     * SYNCHRONIZE CACHE end with {@code fdatasync}, which the bricks apply to the whole file,
     * whichever gateway wrote it. Reporting WCE=0 instead would stop initiators from flushing
     * while nothing made the bricks' copies durable (a power loss of every brick would lose
     * writes an application had fsync'd); a per-write {@code fdatasync} to earn WCE=0 costs what
     * an {@code O_DSYNC} open costs: 13x fewer 4 KiB writes (docs/performance.md).
     *
     * <p>write-behind, io-cache, read-ahead, md-cache (stat-prefetch: the size after a resize) and
     * open-behind are put in pass-through; quick-read has no pass-through and serves only files up
     * to max-file-size from its cache, so that is set to 0.
     */
    NONE,

    /**
     * The volume's own client caches ({@code emulate_write_cache=1}), for an LU only one gateway
     * exports: twice the synchronous 4 KiB writes of {@link #NONE} through gfapi alone, though no
     * faster through iSCSI in the runs of docs/performance.md. The volatile write cache (WCE=1)
     * is then also the gateway's own memory; FUA and SYNCHRONIZE CACHE flush it.
     */
    PRIVATE;

    /** What {@link #NONE} sets; the list is immutable, and an enum holds no mutable state. */
    private static final List<XlatorOption> NO_CLIENT_CACHES = List.of(
            new XlatorOption("*-write-behind", "pass-through", "true"),
            new XlatorOption("*-io-cache", "pass-through", "true"),
            new XlatorOption("*-read-ahead", "pass-through", "true"),
            new XlatorOption("*-md-cache", "pass-through", "true"),
            new XlatorOption("*-open-behind", "pass-through", "true"),
            new XlatorOption("*-quick-read", "max-file-size", "0"));

    /** The connection options that give this caching. */
    List<XlatorOption> options() {
        return switch (this) {
            case NONE -> NO_CLIENT_CACHES;
            case PRIVATE -> List.of();
        };
    }
}
