package io.glio.engine.model;

/**
 * A rejected change to the {@link TargetModel}. The message is the exact text rtslib or the
 * kernel would give for the same request (see targetcli-reference.md), so the shell prints it
 * as-is. A mutation that throws has changed nothing and delivered no event.
 */
public class ModelException extends RuntimeException {

    public ModelException(String message) {
        super(message);
    }
}
