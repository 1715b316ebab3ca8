package io.glio.engine.runtime;

import io.glio.gfapi.GlusterTestVolume;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A FUSE mount of the test volume whose client can be stopped: while the glusterfs client
 * process is stopped (SIGSTOP), every file operation under the mount waits, as on a hung
 * network filesystem. Needs root and the glusterfs binary (the test is skipped otherwise); only
 * the client started here is stopped, never the shared brick.
 */
final class BlockableGlusterMount implements AutoCloseable {

    private final Path root;
    private final long clientPid;

    private BlockableGlusterMount(Path root, long clientPid) {
        this.root = root;
        this.clientPid = clientPid;
    }

    static BlockableGlusterMount mount(GlusterTestVolume volume, Path root) throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "FUSE mounts need root");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/glusterfs")), "no glusterfs client");
        Files.createDirectories(root);
        Path pidFile = root.resolveSibling("glusterfs.pid");
        run("/usr/sbin/glusterfs", "--volfile-server=" + volume.host(), "--volfile-id=" + volume.volume(),
                "--pid-file=" + pidFile, root.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.readString(Path.of("/proc/mounts")).contains(" " + root + " fuse")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("glusterfs did not mount " + root);
            }
            Thread.sleep(50);
        }
        return new BlockableGlusterMount(root, Long.parseLong(Files.readString(pidFile).strip()));
    }

    Path root() {
        return root;
    }

    /** Stops the client: file operations under {@link #root()} wait from now on. */
    void stop() throws Exception {
        run("kill", "-STOP", Long.toString(clientPid));
    }

    void resume() throws Exception {
        run("kill", "-CONT", Long.toString(clientPid));
    }

    @Override
    public void close() throws Exception {
        resume();
        run("umount", "-l", root.toString());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: "
                    + new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
