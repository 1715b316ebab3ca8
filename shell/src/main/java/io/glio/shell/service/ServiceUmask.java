package io.glio.shell.service;

/** The service's files are private: it runs with umask 077 (socket 0600 from its creation). */
public final class ServiceUmask {

    private ServiceUmask() {
    }

    /** Sets the process umask to 077; an {@link IllegalStateException} when libc cannot be called. */
    public static void setPrivate() {
        try {
            ServiceLibc.umask(0077);
        } catch (LinkageError | RuntimeException e) {
            throw new IllegalStateException("cannot set the umask to 077: " + e.getMessage(), e);
        }
    }
}
