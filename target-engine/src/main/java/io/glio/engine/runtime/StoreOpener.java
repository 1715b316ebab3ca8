package io.glio.engine.runtime;

import io.glio.engine.backing.BackingStore;
import io.glio.engine.backing.BackingStoreProvider;
import io.glio.engine.backing.StoreState;
import io.glio.engine.model.Plugin;
import io.glio.engine.model.StorageObject;
import io.glio.engine.scsi.LogicalUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Opens the backing stores of the registry's logical units in parallel and publishes where each
 * stands. Opens run on a bounded pool of their own threads (never a Netty event loop, never
 * under the model's lock) and through {@link BackingStoreProvider#openAsync}, so a store waiting
 * for an unreachable gluster volume holds no pool thread and delays no other store. Each open
 * has its own timeout, after which the object says it is still waiting.
 *
 * <p>Every object's {@link StoreState} is published as an immutable value in a concurrent map
 * ({@link #state}), beside the model rather than in it: {@code ls} reads it, and the threads
 * that open stores or hear of their state changes never touch the model. Until its store has
 * answered, an object is {@code not connected} and its unit NOT READY.
 */
final class StoreOpener {

    private static final Logger LOG = LoggerFactory.getLogger(StoreOpener.class);
    private static final int THREADS = 8;
    private static final StoreState OPENING = StoreState.connecting("opening");

    /** The registry's units: an object whose unit is no longer this one was removed meanwhile. */
    private final Map<StorageObject, LogicalUnit> units;
    private final List<BackingStoreProvider> providers;
    private final Duration openTimeout;
    private final Map<StorageObject, StoreState> states = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor pool;
    private final AttachListener attached;

    /** Told of every store attached to its unit (on the thread that opened it). */
    interface AttachListener {
        void attached(StorageObject so, LogicalUnit unit, BackingStore store);
    }

    StoreOpener(Map<StorageObject, LogicalUnit> units, List<BackingStoreProvider> providers, Duration openTimeout,
                AttachListener attached) {
        this.units = units;
        this.attached = attached;
        this.providers = List.copyOf(providers);
        this.openTimeout = openTimeout;
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(THREADS, THREADS, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "glio-store-open-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /** The published state of an object's store; empty for an object the registry does not serve. */
    Optional<StoreState> state(StorageObject so) {
        return Optional.ofNullable(states.get(so));
    }

    /** Starts opening the store of a unit just added; the object is {@code not connected} until it answers. */
    void open(StorageObject so, LogicalUnit unit) {
        states.put(so, OPENING);
        pool.execute(() -> start(so, unit));
    }

    /** Forgets a removed object and closes its unit off the caller's thread. */
    void forget(StorageObject so, LogicalUnit unit) {
        states.remove(so);
        pool.execute(unit::close);
    }

    /** Runs store work (resize, close) on the opening threads. */
    void execute(Runnable task) {
        pool.execute(task);
    }

    private void start(StorageObject so, LogicalUnit unit) {
        Optional<BackingStoreProvider> provider = providers.stream().filter(p -> p.handles(so)).findFirst();
        if (provider.isEmpty()) {
            publish(so, unit, () -> StoreState.unavailable("no backing store for " + so.qualifiedName()));
            return;
        }
        CompletableFuture<BackingStore> opening = provider.get().openAsync(so);
        opening.whenComplete((store, error) -> opened(so, unit, store, error));
        CompletableFuture.delayedExecutor(openTimeout.toMillis(), TimeUnit.MILLISECONDS, pool).execute(() -> {
            if (!opening.isDone()) {
                StoreState overdue = StoreState.connecting("opening, no answer after " + openTimeout.toSeconds()
                        + " s, still trying");
                // A store attached meanwhile keeps its own state.
                update(so, unit, before -> unit.store() == null && OPENING.equals(before) ? overdue : before);
            }
        });
    }

    private void opened(StorageObject so, LogicalUnit unit, BackingStore store, Throwable error) {
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            LOG.warn("{}: cannot open backing store: {}", so, cause.getMessage());
            publish(so, unit, () -> StoreState.unavailable(String.valueOf(cause.getMessage())));
            return;
        }
        unit.attachStore(store);
        // Checked after attaching: a unit removed meanwhile may have closed before the store was in it.
        if (units.get(so) != unit) {
            store.close();
            return;
        }
        store.onStateChange(() -> publish(so, unit, store::state));
        publish(so, unit, store::state);
        attached.attached(so, unit, store);
    }

    private void publish(StorageObject so, LogicalUnit unit, Supplier<StoreState> next) {
        update(so, unit, before -> next.get());
    }

    /**
     * Publishes the state {@code next} makes of the current one, computed inside the map's
     * update so that of two racing listeners the later one wins with the store's latest state.
     */
    private void update(StorageObject so, LogicalUnit unit, UnaryOperator<StoreState> next) {
        StoreState[] change = new StoreState[2];
        states.compute(so, (key, before) -> {
            if (units.get(so) != unit) {
                return null;
            }
            change[0] = before;
            change[1] = next.apply(before);
            return change[1];
        });
        if (change[1] != null && !change[1].equals(change[0])) {
            logChange(so, change[0], change[1]);
        }
    }

    /** The admin's one line: a LUN that cannot serve says why, on the console too. */
    private static void logChange(StorageObject so, StoreState before, StoreState after) {
        if (!after.isReady()) {
            LOG.warn("{}: {}", backstorePath(so), after);
        } else if (before != null && !before.equals(OPENING)) {
            LOG.warn("{}: ready again", backstorePath(so));
        }
    }

    /** The object as the shell names it under /backstores ({@code user:glfs/myLUN}). */
    private static String backstorePath(StorageObject so) {
        String kind = so.plugin() == Plugin.USER
                ? "user:" + so.userHandler().orElse("") : so.plugin().saveName();
        return kind + "/" + so.name();
    }

    /** Closes the given units after the work queued so far, waiting up to 10 s. */
    void close(List<LogicalUnit> all) {
        states.clear();
        pool.execute(() -> all.forEach(LogicalUnit::close));
        pool.shutdown();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
