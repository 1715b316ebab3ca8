package io.glio.engine.scsi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * LBA range locks of one logical unit: what makes COMPARE AND WRITE (SBC-3 5.2), ORWRITE
 * (SBC-3 5.10) and WRITE ATOMIC (SBC-4 4.29) atomic with respect to every other command that
 * touches the same blocks. Reads and writes hold their range shared, so they run side by side;
 * an atomic operation holds its range exclusively, so no command sees its blocks half done and
 * no write lands between its read and its write.
 * <p>
 * A request starts when it conflicts (overlaps, one of the two exclusive) with no running
 * request and with no request queued before it, so an exclusive request is never starved by a
 * stream of shared ones. Waiting is chained futures: no thread blocks. The lock covers only the
 * bookkeeping; the I/O starts outside it. A range of 0 blocks takes no lock.
 */
public final class LbaRangeLocks {

    private final List<Hold> running = new ArrayList<>();
    private final ArrayDeque<Hold> waiting = new ArrayDeque<>();
    /** Exclusive holds running or waiting: while 0, a shared hold needs no conflict scan. */
    private int exclusives;

    /** Runs {@code io} while no exclusive hold overlaps {@code blocks} blocks at {@code lba}. */
    public <T> CompletableFuture<T> shared(long lba, long blocks, Supplier<CompletableFuture<T>> io) {
        return hold(lba, blocks, false, io);
    }

    /** Runs {@code io} while no other hold overlaps {@code blocks} blocks at {@code lba}. */
    public <T> CompletableFuture<T> exclusive(long lba, long blocks, Supplier<CompletableFuture<T>> io) {
        return hold(lba, blocks, true, io);
    }

    /** Holds running or waiting now (for tests and diagnostics). */
    public synchronized int held() {
        return running.size() + waiting.size();
    }

    private <T> CompletableFuture<T> hold(long lba, long blocks, boolean exclusive, Supplier<CompletableFuture<T>> io) {
        if (blocks <= 0) {
            return start(io);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Hold h = new Hold(lba, lba + blocks, exclusive);
        h.body = () -> start(io).whenComplete((v, e) -> {
            release(h);
            if (e != null) {
                result.completeExceptionally(e);
            } else {
                result.complete(v);
            }
        });
        boolean now;
        synchronized (this) {
            if (exclusive) {
                exclusives++;
            }
            now = waiting.isEmpty() ? exclusives == 0 || !conflictsWithRunning(h) : !conflictsWithAny(h);
            if (now) {
                running.add(h);
            } else {
                waiting.addLast(h);
            }
        }
        if (now) {
            h.body.run();
        }
        return result;
    }

    private static <T> CompletableFuture<T> start(Supplier<CompletableFuture<T>> io) {
        try {
            return io.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void release(Hold h) {
        List<Hold> toStart = new ArrayList<>();
        synchronized (this) {
            running.remove(h);
            if (h.exclusive) {
                exclusives--;
            }
            // Start, in queue order, every waiting hold that conflicts with nothing running and
            // with nothing still queued ahead of it.
            List<Hold> ahead = new ArrayList<>();
            for (Iterator<Hold> it = waiting.iterator(); it.hasNext(); ) {
                Hold w = it.next();
                if (conflictsWithRunning(w) || conflicts(w, ahead)) {
                    ahead.add(w);
                } else {
                    it.remove();
                    running.add(w);
                    toStart.add(w);
                }
            }
        }
        toStart.forEach(w -> w.body.run());
    }

    private boolean conflictsWithRunning(Hold h) {
        return conflicts(h, running);
    }

    private boolean conflictsWithAny(Hold h) {
        return conflicts(h, running) || conflicts(h, waiting);
    }

    private static boolean conflicts(Hold h, Iterable<Hold> others) {
        for (Hold o : others) {
            if ((h.exclusive || o.exclusive) && h.first < o.end && o.first < h.end) {
                return true;
            }
        }
        return false;
    }

    /** Blocks [first, end) (unsigned LBAs beyond 2^63 never reach here: the range check refuses them). */
    private static final class Hold {
        final long first;
        final long end;
        final boolean exclusive;
        Runnable body;

        Hold(long first, long end, boolean exclusive) {
            this.first = first;
            this.end = end;
            this.exclusive = exclusive;
        }
    }
}
