package io.glio.engine.scsi;

import java.util.concurrent.CompletableFuture;

/** One command in a logical unit's task set, from admission to its single completion. */
final class Task {

    final ScsiCommand command;
    final LogicalUnit unit;
    final String nexusKey;
    final TaskAttribute attribute;
    final CompletableFuture<ScsiCompletion> completion = new CompletableFuture<>();
    private Runnable body;
    private volatile boolean aborted;
    /** Guarded by the task set: started (running) or still waiting. */
    boolean started;

    Task(ScsiCommand command, LogicalUnit unit, String nexusKey, TaskAttribute attribute) {
        this.command = command;
        this.unit = unit;
        this.nexusKey = nexusKey;
        this.attribute = attribute;
    }

    void run() {
        body.run();
    }

    void body(Runnable r) {
        body = r;
    }

    void abort() {
        aborted = true;
    }

    boolean aborted() {
        return aborted;
    }

    boolean ordered() {
        return attribute == TaskAttribute.ORDERED;
    }
}
