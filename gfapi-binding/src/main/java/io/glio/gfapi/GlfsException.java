package io.glio.gfapi;

import java.io.IOException;

/**
 * A failed gfapi call: which call, on what, and the errno it left ({@code ENOENT}, ...). The
 * library itself being absent is reported the same way with {@link #libraryMissing()} true and
 * errno 0, in one line naming the Debian package to install.
 */
public class GlfsException extends IOException {

    private final String call;
    private final int errno;
    private final boolean libraryMissing;

    /**
     * A failure of {@code call} on {@code what} with {@code errno}, e.g. ("glfs_open", 2,
     * "'f' on volume 'v'"); public so other layers can describe gfapi failures the same way.
     */
    public GlfsException(String call, int errno, String what) {
        this(call, errno, what, "");
    }

    /** {@code hint}, when not empty, follows the errno after "; " ({@code no such volume}). */
    GlfsException(String call, int errno, String what, String hint) {
        super(call + " " + what + ": " + ErrnoNames.name(errno) + describe(errno)
                + (hint.isEmpty() ? "" : "; " + hint));
        this.call = call;
        this.errno = errno;
        this.libraryMissing = false;
    }

    private GlfsException(String message) {
        super(message);
        this.call = "dlopen";
        this.errno = 0;
        this.libraryMissing = true;
    }

    /** The one-line failure for a library that cannot be loaded (public for callers' tests). */
    public static GlfsException libraryMissing(String library, String reason) {
        return new GlfsException(library + " cannot be loaded (" + reason
                + "); install the Debian package libgfapi0 (apt-get install libgfapi0)");
    }

    /** A fresh exception for a remembered load failure (the stack trace shows who asked again). */
    static GlfsException loadFailedBefore(String message) {
        return new GlfsException(message);
    }

    /** The gfapi function that failed ({@code glfs_open}). */
    public String call() {
        return call;
    }

    /** The errno value, 0 when there is none (library missing). */
    public int errno() {
        return errno;
    }

    /** The symbolic errno name ({@code ENOENT}), or {@code errno N} for unknown values. */
    public String errnoName() {
        return ErrnoNames.name(errno);
    }

    /** Whether libgfapi.so.0 itself could not be loaded. */
    public boolean libraryMissing() {
        return libraryMissing;
    }

    private static String describe(int errno) {
        String text = ErrnoNames.text(errno);
        return text.isEmpty() ? "" : " (" + text + ")";
    }
}
