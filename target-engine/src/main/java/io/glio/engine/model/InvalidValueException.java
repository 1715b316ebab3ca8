package io.glio.engine.model;

/** A name, WWN, index, size, attribute or parameter value the kernel or rtslib refuses. */
public final class InvalidValueException extends ModelException {

    public InvalidValueException(String message) {
        super(message);
    }
}
