package io.glio.engine.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/** {@link DeviceProbe} over the real file system and sysfs. */
final class SystemDeviceProbe implements DeviceProbe {

    private static final int S_IFMT = 0170000;
    private static final int S_IFBLK = 0060000;

    @Override
    public Kind kind(String path) {
        Path p = Path.of(path);
        try {
            if (!Files.exists(p)) {
                return Kind.MISSING;
            }
            if (Files.isRegularFile(p)) {
                return Kind.REGULAR_FILE;
            }
            if (Files.isDirectory(p)) {
                return Kind.DIRECTORY;
            }
            int mode = (Integer) Files.getAttribute(p, "unix:mode");
            return (mode & S_IFMT) == S_IFBLK ? Kind.BLOCK_DEVICE : Kind.OTHER;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Kind.OTHER;
        }
    }

    @Override
    public long fileSize(String path) throws IOException {
        return Files.size(Path.of(path));
    }

    @Override
    public OptionalLong blockDeviceSize(String path) {
        try {
            String sectors = Files.readString(sysfs(path).resolve("size")).strip();
            return OptionalLong.of(Long.parseLong(sectors) * 512);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public boolean blockDeviceReadOnly(String path) {
        try {
            return "1".equals(Files.readString(sysfs(path).resolve("ro")).strip());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public boolean isDiskBlockDevice(String path) {
        if (kind(path) != Kind.BLOCK_DEVICE) {
            return false;
        }
        try {
            Path type = sysfs(path).resolve("device/type");
            // rtslib treats a device without a SCSI type as TYPE_DISK (0).
            return !Files.exists(type) || "0".equals(Files.readString(type).strip());
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    @Override
    public boolean sameFile(String a, String b) {
        try {
            return Files.isSameFile(Path.of(a), Path.of(b));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void createFile(String path, long size, boolean sparse) throws IOException {
        Path p = Path.of(path);
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            if (sparse) {
                if (size > 0) {
                    // One byte at the end extends the file without allocating the hole.
                    ch.write(ByteBuffer.allocate(1), size - 1);
                }
            } else {
                ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
                long left = size;
                while (left > 0) {
                    zeros.clear().limit((int) Math.min(zeros.capacity(), left));
                    left -= ch.write(zeros);
                }
                ch.force(true);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(p);
            throw e instanceof IOException ? (IOException) e : new IOException(e);
        }
    }

    private static Path sysfs(String device) throws IOException {
        long rdev = ((Number) Files.getAttribute(Path.of(device), "unix:rdev")).longValue();
        long major = ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
        long minor = (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
        return Path.of("/sys/dev/block/" + major + ":" + minor);
    }
}
