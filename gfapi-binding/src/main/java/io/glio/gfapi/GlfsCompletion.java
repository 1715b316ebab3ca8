package io.glio.gfapi;

/**
 * The outcome of an asynchronous gfapi call. Runs on one of gfapi's network threads, or on the
 * caller's own thread before the call returns when the client graph answers at once (its
 * write-behind acknowledges most writes that way): do not block in it (gfapi delivers other
 * completions on the same thread) and do not throw. The file counts the call as running until
 * the completion returns, so closing it must happen elsewhere.
 */
public interface GlfsCompletion {

    /** The call succeeded; {@code result} is the byte count for reads and writes, else 0. */
    void completed(long result);

    void failed(GlfsException error);
}
