package io.glio.engine.model;

/** The object is still referenced (the kernel's EBUSY on rmdir). */
public final class InUseException extends ModelException {

    public InUseException(String message) {
        super(message);
    }
}
