package io.glio.engine.scsi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Task ordering of one logical unit (SAM-5 8.6 with QUEUE ALGORITHM MODIFIER 1: SIMPLE tasks
 * run concurrently; an ORDERED task waits for every older task and holds back every newer one;
 * HEAD OF QUEUE starts at once). The lock covers only the bookkeeping; tasks start outside it.
 */
final class TaskSet {

    private final ArrayDeque<Task> waiting = new ArrayDeque<>();
    private final Set<Task> all = new LinkedHashSet<>();
    private int running;
    private boolean orderedRunning;

    void submit(Task task) {
        boolean start;
        synchronized (this) {
            all.add(task);
            if (task.attribute == TaskAttribute.HEAD_OF_QUEUE) {
                start = true;
            } else if (task.ordered()) {
                start = running == 0 && waiting.isEmpty();
                orderedRunning |= start;
            } else {
                start = !orderedRunning && waiting.isEmpty();
            }
            if (start) {
                task.started = true;
                running++;
            } else {
                waiting.addLast(task);
            }
        }
        if (start) {
            task.run();
        }
    }

    /** The task's I/O is over: let the tasks it held back start. */
    void finished(Task task) {
        List<Task> toStart = new ArrayList<>();
        synchronized (this) {
            all.remove(task);
            running--;
            if (task.ordered()) {
                orderedRunning = false;
            }
            drain(toStart);
        }
        toStart.forEach(Task::run);
    }

    private void drain(List<Task> toStart) {
        while (!waiting.isEmpty()) {
            Task next = waiting.peekFirst();
            if (next.ordered()) {
                if (running > 0) {
                    return;
                }
                orderedRunning = true;
            } else if (orderedRunning) {
                return;
            }
            waiting.pollFirst();
            next.started = true;
            running++;
            toStart.add(next);
            if (next.ordered()) {
                return;
            }
        }
    }

    /**
     * Marks matching tasks aborted. Waiting ones leave the set now and are returned in
     * {@code notStarted} (the caller completes them); running ones finish their I/O first.
     *
     * @return every matching task
     */
    List<Task> abort(Predicate<Task> which, List<Task> notStarted) {
        List<Task> hit = new ArrayList<>();
        List<Task> toStart = new ArrayList<>();
        synchronized (this) {
            for (Task t : all) {
                if (which.test(t)) {
                    t.abort();
                    hit.add(t);
                }
            }
            for (Task t : hit) {
                if (!t.started && waiting.remove(t)) {
                    all.remove(t);
                    notStarted.add(t);
                }
            }
            drain(toStart);
        }
        toStart.forEach(Task::run);
        return hit;
    }
}
