package io.glio.engine.model;

import java.nio.file.Path;
import java.util.List;

/**
 * A saveconfig.json restored with invalid entries left out ({@code skipped}, one line each).
 * Saving the model would drop those entries from the file for good, so nothing may replace it
 * automatically ({@code auto_save_on_exit}) until the admin saves explicitly, which ends this
 * state ({@link TargetModel#partialRestore()}).
 */
public record PartialRestore(Path file, List<String> skipped) {

    public PartialRestore {
        file = file.toAbsolutePath().normalize();
        skipped = List.copyOf(skipped);
    }

    boolean concerns(Path other) {
        return file.equals(other.toAbsolutePath().normalize());
    }
}
