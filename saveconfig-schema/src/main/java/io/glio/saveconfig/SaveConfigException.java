package io.glio.saveconfig;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A saveconfig file that cannot be used: not JSON, truncated, wrong types, missing required
 * keys, inconsistent references (strict mode), or a write the writer refuses. The message
 * lists every problem, one per line, each as {@link SaveConfigProblem#toString()}.
 * It is an {@link IOException} so callers handling file errors handle this one too.
 */
public final class SaveConfigException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient List<SaveConfigProblem> problems;

    /** A file rejected for the given problems (at least one). */
    public SaveConfigException(List<SaveConfigProblem> problems) {
        super(problems.stream().map(SaveConfigProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** A refusal or failure not tied to a place in a file (e.g. the empty-over-non-empty guard). */
    public SaveConfigException(String message) {
        super(message);
        this.problems = List.of();
    }

    /** A write that failed; {@code cause} is the I/O error. */
    public SaveConfigException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of();
    }

    /** The located problems; empty for refusals not tied to a place in a file. */
    public List<SaveConfigProblem> problems() {
        return problems;
    }
}
