package io.glio.engine.backing.glfs;

import io.glio.gfapi.Glfs;
import io.glio.gfapi.GlfsException;
import io.glio.gfapi.GlusterTestVolume;
import io.glio.engine.model.DeviceProbe;
import io.glio.engine.model.ModelEnvironment;
import io.glio.engine.model.StorageObject;
import io.glio.engine.model.TargetModel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * What the user:glfs tests share: the test volume, a model to create user objects in, quick
 * reconnect timing, and cleanup of the {@code gfapi-} files they create.
 */
final class GlfsTestVolumes implements AutoCloseable {

    static final GlfsStoreSettings QUICK = new GlfsStoreSettings(
            Duration.ofSeconds(10), Duration.ofMillis(200), Duration.ofSeconds(2));

    final GlusterTestVolume volume;
    final Glfs glfs;
    final TargetModel model = new TargetModel(
            new ModelEnvironment("gw1.example.com", "x86_64", UUID::randomUUID, DeviceProbe.system()));
    private final List<String> files = new ArrayList<>();

    GlfsTestVolumes() throws GlfsException {
        volume = GlusterTestVolume.require();
        glfs = volume.connect();
    }

    /** A fresh file name on the test volume, removed by {@link #removeFiles()}. */
    String newPath(String what) {
        String path = GlusterTestVolume.scratchName(what);
        files.add(path);
        return path;
    }

    StorageObject userObject(String name, long size, String path) {
        return model.createUser(name, size, configFor(volume.volume(), volume.host(), path), null, null, null);
    }

    static String configFor(String volume, String host, String path) {
        return GlfsConfigString.PREFIX + volume + "@" + host + "/" + path;
    }

    void removeFiles() throws GlfsException {
        for (String path : files) {
            try {
                glfs.unlink(path);
            } catch (GlfsException e) {
                if (!"ENOENT".equals(e.errnoName())) {
                    throw e;
                }
            }
        }
        files.clear();
    }

    @Override
    public void close() throws GlfsException {
        try {
            removeFiles();
        } finally {
            glfs.close();
        }
    }

    static ByteBuffer randomBytes(int size, long seed, boolean direct) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        ByteBuffer buffer = direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
        return buffer.put(bytes).flip();
    }

    /** Runs a command, returning its exit status; fails on a hang. */
    static int run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        return p.exitValue();
    }
}
