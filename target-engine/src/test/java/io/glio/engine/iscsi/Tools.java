package io.glio.engine.iscsi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an initiator tool and captures its output. */
public final class Tools {

    public record Result(int exitCode, String output) {
    }

    private Tools() {
    }

    public static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out;
        try (var in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    public static Result run(String... command) throws IOException, InterruptedException {
        return run(List.of(command));
    }

    /** Writes {@code size} bytes of seeded random data (1 MiB at a time) to {@code file}. */
    public static void writeRandomFile(java.nio.file.Path file, long size, long seed) throws IOException {
        java.util.Random r = new java.util.Random(seed);
        byte[] chunk = new byte[1 << 20];
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
            for (long done = 0; done < size; done += chunk.length) {
                r.nextBytes(chunk);
                out.write(chunk);
            }
        }
    }

    /**
     * The end of a test that served a LUN from a scratch file on the test volume: stops the
     * engine (if it started), then removes the file (if a volume was found).
     */
    public static void stopAndRemove(io.glio.engine.runtime.TargetEngine engine, io.glio.gfapi.GlusterTestVolume volume,
                                     String path) throws io.glio.gfapi.GlfsException {
        if (engine != null) {
            engine.close();
        }
        if (volume != null) {
            try (io.glio.gfapi.Glfs glfs = volume.connect()) {
                glfs.unlink(path);
            }
        }
    }
}
