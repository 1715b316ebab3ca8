package io.glio.shell;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a served engine serves each {@code /loopback} target's LUNs over NBD, which {@code ls}
 * and {@code info} show on the target (the model holds none of it). {@link #NONE} stands for
 * "no engine in this process".
 */
@FunctionalInterface
public interface LoopbackSockets {

    /** The NBD socket of a loopback target; empty while no engine serves it. */
    Optional<Path> socket(String targetWwn);

    LoopbackSockets NONE = targetWwn -> Optional.empty();
}
