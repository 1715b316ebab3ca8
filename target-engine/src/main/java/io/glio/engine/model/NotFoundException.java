package io.glio.engine.model;

/** The object named by a lookup or delete does not exist. */
public final class NotFoundException extends ModelException {

    public NotFoundException(String message) {
        super(message);
    }
}
