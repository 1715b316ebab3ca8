package io.glio.shell.service;

/** A frame or payload that breaks the service protocol; the connection that sent it is closed. */
public final class FrameException extends RuntimeException {

    public FrameException(String message) {
        super(message);
    }
}
