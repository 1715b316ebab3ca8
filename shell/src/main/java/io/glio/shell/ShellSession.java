package io.glio.shell;

import java.util.List;

/**
 * What the shell loops (terminal, piped stdin, one-shot) talk to: a {@link Shell} in this process
 * ({@link LocalSession}) or one in the {@code targetcli serve} process over its socket
 * ({@link io.glio.shell.service.RemoteSession}). Output is printed by the time a call returns.
 */
public interface ShellSession extends AutoCloseable {

    /** Runs one line as the interactive loop does; returns whether it succeeded. */
    boolean run(String line);

    boolean exitRequested();

    String prompt();

    /** Completion candidates for the text before the cursor, from the live model. */
    List<Completions.Item> complete(String before);

    /** The line the banner gets about where the shell runs, or empty (in-process). */
    default String bannerNote() {
        return "";
    }

    /**
     * An orderly end (exit, end of input): an in-process shell saves as auto_save_on_exit says.
     * Returns false when the session ended badly (the service went away).
     */
    boolean finish();

    /** Releases what the session holds (engine, lock, connection); saves nothing. */
    @Override
    void close();
}
