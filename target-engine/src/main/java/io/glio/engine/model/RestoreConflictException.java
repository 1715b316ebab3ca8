package io.glio.engine.model;

/**
 * A restore without {@code clear_existing} found an object of the file already configured
 * (rtslib refuses the whole restore: {@code storageobject 'fileio:b' exist not restoring}).
 */
public final class RestoreConflictException extends ModelException {

    public RestoreConflictException(String message) {
        super(message);
    }
}
