package io.glio.engine.model;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Devices this machine may not have: paths declared as block devices (with size, read-only
 * flag, SCSI type) or as regular files; everything else is missing. Created files are
 * remembered, so a second create of the same path sees a regular file.
 */
final class FakeDevices implements DeviceProbe {

    record Device(Kind kind, long size, boolean readOnly, boolean disk) {
    }

    private final Map<String, Device> devices = new HashMap<>();
    final Map<String, Boolean> createdSparse = new HashMap<>();

    FakeDevices blockDevice(String path, long size) {
        devices.put(path, new Device(Kind.BLOCK_DEVICE, size, false, true));
        return this;
    }

    FakeDevices readOnlyBlockDevice(String path, long size) {
        devices.put(path, new Device(Kind.BLOCK_DEVICE, size, true, true));
        return this;
    }

    FakeDevices cdrom(String path) {
        devices.put(path, new Device(Kind.BLOCK_DEVICE, 0, true, false));
        return this;
    }

    FakeDevices file(String path, long size) {
        devices.put(path, new Device(Kind.REGULAR_FILE, size, false, false));
        return this;
    }

    FakeDevices directory(String path) {
        devices.put(path, new Device(Kind.DIRECTORY, 0, false, false));
        return this;
    }

    @Override
    public Kind kind(String path) {
        Device d = devices.get(path);
        return d == null ? Kind.MISSING : d.kind();
    }

    @Override
    public long fileSize(String path) throws IOException {
        Device d = devices.get(path);
        if (d == null) {
            throw new IOException("No such file: " + path);
        }
        return d.size();
    }

    @Override
    public OptionalLong blockDeviceSize(String path) {
        Device d = devices.get(path);
        return d == null || d.kind() != Kind.BLOCK_DEVICE ? OptionalLong.empty() : OptionalLong.of(d.size());
    }

    @Override
    public boolean blockDeviceReadOnly(String path) {
        Device d = devices.get(path);
        return d != null && d.readOnly();
    }

    @Override
    public boolean isDiskBlockDevice(String path) {
        Device d = devices.get(path);
        return d != null && d.kind() == Kind.BLOCK_DEVICE && d.disk();
    }

    @Override
    public boolean sameFile(String a, String b) {
        return devices.containsKey(a) && a.equals(b);
    }

    @Override
    public void createFile(String path, long size, boolean sparse) throws IOException {
        if (path.startsWith("/nonexistent/")) {
            throw new java.nio.file.NoSuchFileException(path);
        }
        devices.put(path, new Device(Kind.REGULAR_FILE, size, false, false));
        createdSparse.put(path, sparse);
    }
}
