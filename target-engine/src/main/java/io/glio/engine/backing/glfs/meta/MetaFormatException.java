package io.glio.engine.backing.glfs.meta;

/** LU metadata on the volume that glio cannot read: the message names the attribute and value. */
public final class MetaFormatException extends Exception {

    MetaFormatException(String message) {
        super(message);
    }
}
