package io.glio.engine.iscsi;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounded fuzz run of the suite: {@link PduFuzzer} with 20 000 inputs. The same test is the
 * benchmark run with {@code -Dglio.fuzz.inputs=N} (see {@code scripts/bench/fuzz}), which also
 * writes its result line to {@code target/fuzz-report.txt}.
 */
class PduFuzzTest {

    private static final long INPUTS = Long.getLong("glio.fuzz.inputs", 20_000);
    private static final long SEED = Long.getLong("glio.fuzz.seed", 20261130L);

    @Test
    void mutatedLoginsAndPduStreamsNeverEscapeLeakOrDisturbAnotherSession() throws IOException {
        PduFuzzer.Result r = new PduFuzzer(13271).run(INPUTS, SEED, 1000);
        String line = "fuzz seed " + SEED + ": " + r;
        System.out.println(line);
        Files.writeString(Path.of("target", "fuzz-report.txt"), line + System.lineSeparator());

        assertThat(r.firstFinding()).as("first finding").isNull();
        assertThat(r.escapedExceptions()).as("exceptions escaped").isZero();
        assertThat(r.leakedBuffers()).as("unreleased buffers").isZero();
        assertThat(r.closedByTarget()).as("some inputs must have been fatal").isPositive();
        assertThat(r.loginInputs()).as("login PDUs fuzzed").isGreaterThan(INPUTS / 100);
        assertThat(r.bystanderChecks()).as("bystander checks").isGreaterThanOrEqualTo(INPUTS / 1000);
    }
}
