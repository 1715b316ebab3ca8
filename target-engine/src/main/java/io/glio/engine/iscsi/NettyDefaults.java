package io.glio.engine.iscsi;

/**
 * Netty settings that are read once, when Netty's buffer classes load, so a process that serves
 * iSCSI applies them first thing in {@code main}, before anything touches Netty. A value already
 * given on the command line ({@code -D}) is left as it is.
 */
public final class NettyDefaults {

    static final String MAX_CACHED_BUFFER_CAPACITY = "io.netty.allocator.maxCachedBufferCapacity";
    /**
     * Largest buffer an event loop keeps for reuse after it is released (Netty's default is
     * 32 KiB). Command data buffers are as large as the LUN's max_sectors allows (1 MiB for
     * qemu's and Linux's large requests once hw_max_sectors is raised): above the default, every
     * 1 MiB READ or WRITE would go back to Netty's arena, which drops a chunk that empties and
     * zeroes a fresh one on the next request (what that cost: docs/performance.md).
     */
    static final int COMMAND_BUFFER_CACHE_LIMIT = 1024 * 1024;

    private NettyDefaults() {
    }

    /** Sets the defaults not given on the command line; call before anything uses Netty. */
    public static void apply() {
        if (System.getProperty(MAX_CACHED_BUFFER_CAPACITY) == null) {
            System.setProperty(MAX_CACHED_BUFFER_CAPACITY, Integer.toString(COMMAND_BUFFER_CACHE_LIMIT));
        }
    }
}
