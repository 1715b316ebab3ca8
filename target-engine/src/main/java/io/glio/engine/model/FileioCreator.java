package io.glio.engine.model;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /backstores/fileio create}: targetcli's steps (ui_backstore.py) followed by rtslib's
 * checks, but with every check done before the backing file is created, so a refused create
 * leaves no file behind.
 */
final class FileioCreator {

    private final TargetModel model;
    private final BackstoreOps backstores;

    FileioCreator(TargetModel model, BackstoreOps backstores) {
        this.model = model;
        this.backstores = backstores;
    }

    private DeviceProbe devices() {
        return model.environment().devices();
    }

    FileioCreation create(String name, String fileOrDev, String size, boolean writeBack,
                                boolean sparse, String wwn) {
        String path = BackstoreOps.expandUser(fileOrDev);
        List<String> notes = new ArrayList<>();
        DeviceProbe.Kind kind = devices().kind(path);
        if (kind != DeviceProbe.Kind.MISSING) {
            for (StorageObject so : model.storageObjects) {
                if (so.dev != null && !so.dev.isEmpty() && devices().sameFile(path, so.dev)) {
                    throw new AlreadyExistsException(
                            "storage object for " + path + " already exists: " + so.name());
                }
            }
        }
        long bytes;
        boolean createFile = false;
        boolean hasSize = size != null && !size.isEmpty();
        if (kind == DeviceProbe.Kind.BLOCK_DEVICE) {
            if (hasSize) {
                notes.add("Block device, size parameter ignored");
            }
            notes.add("Note: block backstore preferred for best results");
            bytes = devices().blockDeviceSize(path).orElse(0);
        } else if (kind == DeviceProbe.Kind.REGULAR_FILE) {
            try {
                bytes = devices().fileSize(path);
            } catch (IOException e) {
                throw new ModelException("Could not open " + path);
            }
            if (hasSize) {
                notes.add(path + " exists, using its size (" + bytes + " bytes) instead");
            }
        } else if (kind != DeviceProbe.Kind.MISSING) {
            throw new InvalidValueException("Path " + path + " exists but is not a file");
        } else {
            if (!hasSize) {
                throw new InvalidValueException(
                        "Attempting to create file for new fileio backstore, need a size");
            }
            bytes = Sizes.humanToBytes(size);
            createFile = true;
        }
        backstores.checkNewName(Plugin.FILEIO, name);
        if (kind == DeviceProbe.Kind.BLOCK_DEVICE && !devices().isDiskBlockDevice(path)) {
            throw new InvalidValueException("Device is not a TYPE_DISK block device");
        }
        if (createFile) {
            if (!sparse) {
                notes.add("Writing " + bytes + " bytes");
            }
            try {
                devices().createFile(path, bytes, sparse);
            } catch (NoSuchFileException | AccessDeniedException e) {
                throw new ModelException("Could not open " + path);
            } catch (IOException e) {
                throw new ModelException("Could not expand file to " + bytes + " bytes");
            }
        }
        StorageObject so = backstores.newObject(Plugin.FILEIO, name, wwn);
        so.dev = path;
        so.size = bytes;
        so.aio = false;
        so.writeBackKey = writeBack;
        if (writeBack) {
            so.attributes.put("emulate_write_cache", "1");
        }
        backstores.add(so);
        return new FileioCreation(so, createFile, bytes, List.copyOf(notes));
    }
}
