package io.glio.engine.model;

/** The object to create is already there (configfs {@code mkdir} would fail with EEXIST). */
public final class AlreadyExistsException extends ModelException {

    public AlreadyExistsException(String message) {
        super(message);
    }
}
