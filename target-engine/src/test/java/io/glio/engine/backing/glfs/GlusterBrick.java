package io.glio.engine.backing.glfs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Kills and restarts the brick process of a single-brick test volume, for the tests that check
 * what a dead brick does to I/O. Destructive for anyone else using the volume at that moment, so
 * those tests run only when asked: {@code GLIO_GLUSTER_DESTRUCTIVE=1} (scripts/test sets it for
 * the volume it owns) or {@code -Dglio.gluster.destructive=true}.
 */
public final class GlusterBrick {

    /** The brick node's pid while it is online ({@code <status>1</status>}); -1 otherwise. */
    private static final Pattern BRICK_PID = Pattern.compile(
            "<path>/[^<]*</path>\\s*<peerid>[^<]*</peerid>\\s*<status>1</status>.*?<pid>(\\d+)</pid>", Pattern.DOTALL);

    private GlusterBrick() {
    }

    /** Skips the calling test unless destructive gluster tests were asked for. */
    public static void assumeDestructiveAllowed() {
        Assumptions.assumeTrue("1".equals(System.getenv("GLIO_GLUSTER_DESTRUCTIVE"))
                || Boolean.getBoolean("glio.gluster.destructive"),
                "kills the gluster brick: set GLIO_GLUSTER_DESTRUCTIVE=1 to run");
    }

    /** The pid of the volume's online brick process, from {@code gluster volume status --xml}; -1 if none. */
    public static long pid(String volume) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("gluster", "volume", "status", volume, "--xml").start();
        String xml = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        Matcher m = BRICK_PID.matcher(xml);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /**
     * The folder of the volume's first brick when it is on this machine ({@code gluster volume
     * info}); empty otherwise. Reading a file there shows what the brick has, past every client.
     */
    public static Optional<Path> localFolder(String volume) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("gluster", "volume", "info", volume).redirectErrorStream(true).start();
        String info = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        Matcher m = Pattern.compile("(?m)^Brick1: [^:]+:(/\\S+)$").matcher(info);
        if (!m.find()) {
            return Optional.empty();
        }
        Path folder = Path.of(m.group(1));
        return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
    }

    /** {@code kill -9} of the volume's brick process; returns the pid killed. */
    public static long kill(String volume) throws IOException, InterruptedException {
        long pid = pid(volume);
        if (pid <= 0) {
            throw new AssertionError("no online brick of " + volume + " in gluster volume status");
        }
        if (GlfsTestVolumes.run(List.of("kill", "-9", Long.toString(pid))) != 0) {
            throw new AssertionError("kill -9 " + pid + " (brick of " + volume + ") failed");
        }
        return pid;
    }

    /**
     * Starts the brick again. {@code gluster volume start force} is a no-op until glusterd has
     * noticed the brick died, so it is repeated until a new brick process is online.
     *
     * @param killed the pid of the dead brick (-1 if none was killed: then any online brick will do)
     */
    public static void restart(String volume, long killed) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            GlfsTestVolumes.run(List.of("gluster", "volume", "start", volume, "force"));
            long pid = pid(volume);
            if (pid > 0 && pid != killed) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("brick of " + volume + " not back after 60 s: run gluster volume start " + volume + " force");
    }
}
