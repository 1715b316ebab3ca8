package io.glio.engine.scsi;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class LbaRangeLocksTest {

    private final LbaRangeLocks locks = new LbaRangeLocks();
    /** Names of the holds whose I/O has started, in start order. */
    private final List<String> started = new ArrayList<>();

    /** An I/O that records its start and completes when the returned handle's future is completed. */
    private final class Io {
        final CompletableFuture<String> io = new CompletableFuture<>();
        final CompletableFuture<String> result;

        Io(String name, long lba, long blocks, boolean exclusive) {
            java.util.function.Supplier<CompletableFuture<String>> body = () -> {
                started.add(name);
                return io;
            };
            result = exclusive ? locks.exclusive(lba, blocks, body) : locks.shared(lba, blocks, body);
        }

        void finish() {
            io.complete("done");
        }
    }

    @Test
    void overlappingSharedHoldsRunTogether() {
        new Io("a", 0, 10, false);
        new Io("b", 5, 10, false);

        assertThat(started).containsExactly("a", "b");
    }

    @Test
    void anExclusiveHoldWaitsForTheOverlappingSharedOnesAndHoldsBackLaterOnes() {
        Io read = new Io("read", 0, 8, false);
        Io atomic = new Io("atomic", 4, 8, true);
        Io later = new Io("later", 10, 1, false);

        assertThat(started).containsExactly("read");
        read.finish();
        assertThat(started).containsExactly("read", "atomic");
        atomic.finish();
        assertThat(started).containsExactly("read", "atomic", "later");
        later.finish();
        assertThat(locks.held()).isZero();
        assertThat(atomic.result).isCompletedWithValue("done");
    }

    @Test
    void holdsOnDisjointRangesNeverWaitForEachOther() {
        new Io("x", 0, 8, true);
        new Io("y", 8, 8, true);
        new Io("z", 16, 1, false);

        assertThat(started).containsExactly("x", "y", "z");
    }

    @Test
    void aQueuedExclusiveHoldIsNotOvertakenByLaterSharedOnes() {
        Io first = new Io("first", 0, 100, false);
        Io atomic = new Io("atomic", 50, 1, true);
        new Io("second", 0, 100, false);
        new Io("elsewhere", 200, 1, false);

        assertThat(started).containsExactly("first", "elsewhere");
        first.finish();
        assertThat(started).containsExactly("first", "elsewhere", "atomic");
        atomic.finish();
        assertThat(started).containsExactly("first", "elsewhere", "atomic", "second");
    }

    @Test
    void aFailedIoReleasesItsHoldAndFailsItsResult() {
        Io failing = new Io("failing", 0, 4, true);
        @SuppressWarnings("unused") // queued behind "failing" by its constructor; the test reads `started`
        Io next = new Io("next", 0, 4, true);

        failing.io.completeExceptionally(new IllegalStateException("EIO"));

        assertThat(failing.result).isCompletedExceptionally();
        assertThat(started).containsExactly("failing", "next");
    }

    @Test
    void anIoThatThrowsReleasesItsHold() {
        CompletableFuture<String> thrown = locks.exclusive(0, 1, () -> {
            throw new IllegalStateException("bad");
        });
        new Io("after", 0, 1, true);

        assertThat(thrown).isCompletedExceptionally();
        assertThat(started).containsExactly("after");
    }

    @Test
    void zeroBlocksTakeNoLock() {
        new Io("atomic", 0, 10, true);
        new Io("empty", 5, 0, true);

        assertThat(started).containsExactly("atomic", "empty");
        assertThat(locks.held()).isEqualTo(1);
    }
}
