package io.glio.gfapi;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes gfapi's asynchronous completions back to their {@link GlfsCompletion}s. One callback
 * object serves every call (jnr-ffi must keep it strongly reachable for as long as gfapi may call
 * it: for the life of the process); each call's {@code void *data} is a numbered ticket for the
 * pending call, which also keeps its buffer reachable until gfapi is done with it.
 */
final class AsyncCalls implements LibGfapi.IoCallback {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncCalls.class);

    /** A submitted call: what to tell, and the buffer gfapi reads or fills (null for others). */
    private record Pending(GlfsFile file, String call, String what, ByteBuffer buffer, GlfsCompletion completion) {
    }

    private final Gfapi api;
    private final LibGfapi.LibC libc;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong tickets = new AtomicLong();

    AsyncCalls(Gfapi api) {
        this.api = api;
        this.libc = LibraryLoader.create(LibGfapi.LibC.class).load("c");
    }

    interface Submit {
        int submit(Pointer ticket);
    }

    /**
     * Registers the call, then submits it; a refused submission is thrown here and its
     * completion never runs.
     */
    void submit(GlfsFile file, String call, String what, ByteBuffer buffer, GlfsCompletion completion,
                Submit submit) throws GlfsException {
        file.enter();
        long ticket = tickets.incrementAndGet();
        pending.put(ticket, new Pending(file, call, what, buffer, completion));
        int rc = submit.submit(Pointer.wrap(api.runtime, ticket));
        if (rc != 0) {
            int errno = api.errno();
            pending.remove(ticket);
            file.exit();
            throw new GlfsException(call, errno, what);
        }
    }

    @Override
    public void complete(Pointer fd, long ret, Pointer pre, Pointer post, Pointer data) {
        // Read errno first: anything else on this thread may change it.
        int errno = ret < 0 ? libc.__errno_location().getInt(0) : 0;
        Pending p = data == null ? null : pending.remove(data.address());
        if (p == null) {
            LOG.error("gfapi completed an unknown call (ticket {})", data == null ? 0 : data.address());
            return;
        }
        try {
            if (ret < 0) {
                p.completion().failed(new GlfsException(p.call(), errno, p.what()));
            } else {
                if (p.buffer() != null) {
                    p.buffer().position(p.buffer().position() + (int) ret);
                }
                p.completion().completed(ret);
            }
        } catch (RuntimeException | Error e) {
            // An exception must not unwind into gfapi's C frames.
            LOG.error("{} completion failed", p.call(), e);
        } finally {
            // Only now: the file must not be closed while a completion still looks at it.
            p.file().exit();
        }
    }
}
