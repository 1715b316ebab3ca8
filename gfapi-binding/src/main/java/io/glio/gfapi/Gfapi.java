package io.glio.gfapi;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * The loaded libgfapi: loaded once, on first use, so commands that never touch gluster never
 * need it. A missing library is remembered and reported as one {@link GlfsException} line.
 */
final class Gfapi {

    static final String LIBRARY = "libgfapi.so.0";

    /** {@code sizeof(struct stat)} is 144 on x86_64 and 128 on aarch64; room for either. */
    private static final int STAT_SIZE = 256;
    /** {@code offsetof(struct stat, st_size)}: 48 on both x86_64 and aarch64 glibc. */
    private static final int STAT_SIZE_OFFSET = 48;

    private static volatile Gfapi instance;
    /** Why loading failed, so later calls answer at once with the same line. */
    private static volatile String loadFailure;

    final LibGfapi.Calls lib;
    final Runtime runtime;
    final AsyncCalls async;

    private Gfapi(LibGfapi.Calls lib) {
        this.lib = lib;
        this.runtime = Runtime.getRuntime(lib);
        this.async = new AsyncCalls(this);
    }

    /** The process-wide library, loading it on first call. */
    static Gfapi get() throws GlfsException {
        Gfapi loaded = instance;
        if (loaded == null) {
            synchronized (Gfapi.class) {
                if (loadFailure != null) {
                    throw GlfsException.loadFailedBefore(loadFailure);
                }
                if (instance == null) {
                    try {
                        instance = load(LIBRARY);
                    } catch (GlfsException e) {
                        loadFailure = e.getMessage();
                        throw e;
                    }
                }
                loaded = instance;
            }
        }
        return loaded;
    }

    /** Loads a given library file; package-private so tests can name one that does not exist. */
    static Gfapi load(String library) throws GlfsException {
        try {
            return new Gfapi(LibraryLoader.create(LibGfapi.Calls.class).failImmediately().load(library));
        } catch (UnsatisfiedLinkError | IllegalStateException e) {
            throw GlfsException.libraryMissing(library, firstLine(e.getMessage()));
        }
    }

    int errno() {
        return runtime.getLastError();
    }

    /** A {@code struct stat} sized buffer for {@code glfs_fstat} / {@code glfs_stat}. */
    Pointer newStat() {
        return Memory.allocateDirect(runtime, STAT_SIZE);
    }

    static long statSize(Pointer stat) {
        return stat.getLong(STAT_SIZE_OFFSET);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "not found";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
