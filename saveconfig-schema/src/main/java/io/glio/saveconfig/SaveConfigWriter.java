package io.glio.saveconfig;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes {@code saveconfig.json} byte for byte as rtslib-fb does
 * ({@code json.dumps(d, sort_keys=True, indent=2)} + newline, see {@link PythonJson}), and
 * crash-safely: a temp file in the same folder created exclusively with mode 0600, fsync,
 * atomic rename over the target, fsync of the folder. The result is 0600 (it may hold CHAP
 * secrets: CVE-2020-13867). On any failure the temp file is removed and the old file is intact.
 */
public final class SaveConfigWriter {
    static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    /** Test seam: runs after the temp file is written and synced, before the rename. */
    interface BeforeRename {
        BeforeRename NONE = temp -> { };

        void run(Path temp) throws IOException;
    }

    private SaveConfigWriter() {
    }

    /** The exact file content rtslib would write for {@code config}, trailing newline included. */
    public static String toJson(SaveConfig config) {
        return PythonJson.dumps(RecordsToJson.saveConfig(config)) + "\n";
    }

    /**
     * Saves {@code config} to {@code file}. An empty configuration (no storage objects, targets or
     * fabric modules) does not replace an existing file that holds something else unless
     * {@code force} is set; a symlink is followed and its target replaced.
     *
     * @throws SaveConfigException on refusal or when the write fails (the cause is the I/O error)
     */
    public static void write(SaveConfig config, Path file, boolean force) throws SaveConfigException {
        write(config, file, force, BeforeRename.NONE);
    }

    // Visible for testing.
    static void write(SaveConfig config, Path file, boolean force, BeforeRename hook) throws SaveConfigException {
        Path target = file.toAbsolutePath();
        try {
            if (Files.isSymbolicLink(target)) {
                target = target.toRealPath();
            }
        } catch (IOException e) {
            throw failure(target, e);
        }
        if (!force && config.isEmpty() && holdsConfiguration(target)) {
            throw new SaveConfigException("refusing to replace non-empty " + target
                    + " with an empty configuration (use force to overwrite)");
        }
        byte[] bytes = toJson(config).getBytes(StandardCharsets.US_ASCII);
        try {
            writePrivately(target, bytes, hook);
        } catch (RenamedButNotSynced e) {
            throw new SaveConfigException("saved " + target + " but could not sync its folder " + target.getParent()
                    + " (the rename may not survive a crash): " + describe(e.getCause()), e.getCause());
        } catch (IOException e) {
            throw failure(target, e);
        }
    }

    /** The file was renamed into place but its folder could not be synced. */
    public static final class RenamedButNotSynced extends IOException {
        RenamedButNotSynced(IOException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /**
     * Replaces {@code target} with {@code bytes} so that a crash leaves the old content or the
     * new, never a part, and nobody else can read it: a temp file in the same folder created
     * 0600, fsync, atomic rename, fsync of the folder. Also for other private files of glio
     * (the gateway id).
     *
     * @throws RenamedButNotSynced when only the folder sync failed
     */
    public static void writePrivately(Path target, byte[] bytes) throws IOException {
        writePrivately(target, bytes, BeforeRename.NONE);
    }

    private static void writePrivately(Path target, byte[] bytes, BeforeRename hook) throws IOException {
        Path dir = target.getParent();
        Path temp = null;
        boolean renamed = false;
        try {
            temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".temp",
                    PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
            // A umask can only remove bits; make sure the owner can write, and nobody else can read.
            Files.setPosixFilePermissions(temp, OWNER_READ_WRITE);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            hook.run(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            renamed = true;
            try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
                folder.force(true);
            } catch (IOException e) {
                throw new RenamedButNotSynced(e);
            }
        } finally {
            if (!renamed && temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The original error is the one worth reporting.
                }
            }
        }
    }

    /** True when {@code file} exists with content other than an empty configuration (unreadable counts as content). */
    private static boolean holdsConfiguration(Path file) {
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                return false;
            }
            return !SaveConfigReader.readLenient(file).config().isEmpty();
        } catch (IOException e) {
            return true;
        }
    }

    private static SaveConfigException failure(Path target, IOException e) {
        return new SaveConfigException("could not save configuration to " + target + ": " + describe(e), e);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
