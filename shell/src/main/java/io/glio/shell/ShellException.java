package io.glio.shell;

/**
 * A command failed with a message for the user: configshell's {@code ExecutionError}. The
 * message is printed as one line (or a few, for restore errors) on stderr and the shell goes on.
 */
public final class ShellException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ShellException(String message) {
        super(message, null, false, false);
    }
}
