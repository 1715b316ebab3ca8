package io.glio.engine.model;

import java.io.IOException;
import java.util.OptionalLong;

/**
 * The model's window on local files and block devices: what targetcli learns with
 * {@code os.stat}, udev and {@code BLKROGET}. Kept behind an interface so tests can describe
 * devices this machine does not have.
 */
public interface DeviceProbe {

    /** What a path names on this machine. */
    enum Kind { MISSING, REGULAR_FILE, BLOCK_DEVICE, DIRECTORY, OTHER }

    Kind kind(String path);

    /** Size of a regular file in bytes. */
    long fileSize(String path) throws IOException;

    /** Size of a block device in bytes, if it can be read. */
    OptionalLong blockDeviceSize(String path);

    /** Whether a block device is read-only ({@code BLKROGET}); false when unknown. */
    boolean blockDeviceReadOnly(String path);

    /** Whether a block device is a SCSI {@code TYPE_DISK} (or has no SCSI type at all). */
    boolean isDiskBlockDevice(String path);

    /** Whether two existing paths name the same file ({@code os.path.samefile}). */
    boolean sameFile(String a, String b);

    /**
     * Creates a backing file of {@code size} bytes: sparse (ftruncate) or written with zeros.
     * On failure the partial file is removed.
     */
    void createFile(String path, long size, boolean sparse) throws IOException;

    static DeviceProbe system() {
        return new SystemDeviceProbe();
    }
}
