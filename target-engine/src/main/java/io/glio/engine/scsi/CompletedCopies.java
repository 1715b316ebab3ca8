package io.glio.engine.scsi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The EXTENDED COPY (LID1) commands of an LU that finished with a list identifier the initiator
 * wants to ask about, for RECEIVE COPY RESULTS / COPY STATUS (SPC-3 6.18.2). Kept per I_T
 * nexus and list identifier, the newest few only: the initiator asks right after its copy.
 */
public final class CompletedCopies {

    /** One finished copy: which nexus sent it under which list identifier, how much it moved. */
    public record Copy(String nexusKey, int listId, int segments, long bytes) {
    }

    private static final int KEPT = 16;
    private final Deque<Copy> finished = new ArrayDeque<>();

    public synchronized void add(Copy copy) {
        finished.removeIf(c -> c.nexusKey().equals(copy.nexusKey()) && c.listId() == copy.listId());
        if (finished.size() >= KEPT) {
            finished.removeFirst();
        }
        finished.addLast(copy);
    }

    public synchronized Optional<Copy> find(String nexusKey, int listId) {
        return finished.stream().filter(c -> c.nexusKey().equals(nexusKey) && c.listId() == listId).findFirst();
    }
}
