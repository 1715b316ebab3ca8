package io.glio.engine.model;

/**
 * Builds a storage object from its saveconfig entry the way rtslib's constructors do when a
 * restore calls them with the entry's keys (tcm.py), with rtslib's error texts. A backing file
 * or device missing on this machine is not an error here: the object is kept and marked
 * {@code not available}.
 */
final class StorageObjectFromRecord {

    private final TargetModel model;
    private final BackstoreOps backstores;

    StorageObjectFromRecord(TargetModel model, BackstoreOps backstores) {
        this.model = model;
        this.backstores = backstores;
    }

    private DeviceProbe devices() {
        return model.environment().devices();
    }

    /** Creates the object (not yet added to the model). */
    StorageObject create(Plugin plugin, io.glio.saveconfig.StorageObject rec) {
        String name = rec.name();
        // rtslib constructors look the object up instead of creating it without their key.
        boolean lookup;
        switch (plugin) {
            case FILEIO:
            case BLOCK:
            case PSCSI:
                lookup = rec.dev() == null;
                break;
            default:
                lookup = rec.size() == null;
        }
        if (lookup) {
            throw new NotFoundException("Storage object " + plugin.saveName() + "/" + name + " not found");
        }
        if (plugin == Plugin.USER) {
            if (rec.config() == null) {
                throw new InvalidValueException("'size' and 'config' must be set when creating a new "
                        + "UserBackedStorageObject");
            }
            if (!rec.config().contains("/")) {
                throw new InvalidValueException("'config' must contain a '/' separating subtype "
                        + "from its configuration string");
            }
        }
        backstores.checkNewName(plugin, name);
        StorageObject so = backstores.newObject(plugin, name, rec.wwn());
        if (rec.wwn() != null && !rec.wwn().isEmpty()) {
            so.wwnOrigin = StorageObject.WwnOrigin.SAVED;
        }
        switch (plugin) {
            case FILEIO:
                configureFileio(so, rec);
                break;
            case BLOCK:
                configureBlock(so, rec);
                break;
            case PSCSI:
                so.dev = rec.dev();
                if (devices().kind(so.dev) == DeviceProbe.Kind.MISSING && !so.dev.matches("\\d+:\\d+:\\d+:\\d+")) {
                    so.runtimeStatus = notAvailable(so.dev);
                }
                break;
            case RAMDISK:
                so.size = BackstoreOps.ramdiskPages(rec.size()) * 4096;
                so.nullio = Boolean.TRUE.equals(rec.nullio());
                if (Boolean.FALSE.equals(rec.nullio())) {
                    so.absentKeys.add("nullio=false");
                }
                break;
            default:
                configureUser(so, rec);
        }
        markAbsent(so, rec);
        return so;
    }

    private void configureFileio(StorageObject so, io.glio.saveconfig.StorageObject rec) {
        String dev = rec.dev();
        DeviceProbe.Kind kind = devices().kind(dev);
        if (kind == DeviceProbe.Kind.BLOCK_DEVICE) {
            if (!devices().isDiskBlockDevice(dev)) {
                throw new InvalidValueException("Device is not a TYPE_DISK block device");
            }
            checkNotInUse(dev, "Device " + dev + " is already in use");
            so.size = devices().blockDeviceSize(dev).orElse(rec.size() == null ? 0 : rec.size());
        } else {
            if (kind != DeviceProbe.Kind.MISSING && kind != DeviceProbe.Kind.REGULAR_FILE) {
                throw new InvalidValueException("Path not to a file or block device");
            }
            if (rec.size() == null) {
                throw new InvalidValueException("Path is to a file, size needed");
            }
            so.size = rec.size();
            if (kind == DeviceProbe.Kind.MISSING) {
                so.runtimeStatus = notAvailable(dev);
            }
        }
        so.dev = dev;
        so.aio = Boolean.TRUE.equals(rec.aio());
        so.writeBackKey = Boolean.TRUE.equals(rec.writeBack());
        if (Boolean.TRUE.equals(rec.writeBack())) {
            so.attributes.put("emulate_write_cache", "1");
        }
    }

    private void configureBlock(StorageObject so, io.glio.saveconfig.StorageObject rec) {
        String dev = rec.dev();
        if (devices().kind(dev) == DeviceProbe.Kind.MISSING) {
            so.runtimeStatus = notAvailable(dev);
        } else {
            if (!devices().isDiskBlockDevice(dev)) {
                throw new InvalidValueException("Device " + dev + " is not a TYPE_DISK block device");
            }
            checkNotInUse(dev, "Cannot configure StorageObject because device " + dev + " is already in use");
        }
        so.dev = dev;
        so.readonly = Boolean.TRUE.equals(rec.readonly());
        // rtslib's BlockStorageObject takes write_back but does not use it.
        so.writeBackKey = Boolean.TRUE.equals(rec.writeBack());
    }

    private void configureUser(StorageObject so, io.glio.saveconfig.StorageObject rec) {
        UserHandlers.checkColons(rec.config());
        UserControl settings = UserControl.defaults();
        if (rec.hwMaxSectors() != null) {
            settings.apply("hw_max_sectors=" + rec.hwMaxSectors());
        }
        if (rec.control() != null) {
            settings.apply(rec.control());
        }
        so.config = rec.config();
        so.size = rec.size();
        settings.applyTo(so);
    }

    private void checkNotInUse(String dev, String message) {
        for (StorageObject other : model.storageObjects) {
            if (other.dev != null && devices().sameFile(dev, other.dev)) {
                throw new InvalidValueException(message);
            }
        }
    }

    /** Remembers which plugin keys the entry lacked so that a save does not add them. */
    private static void markAbsent(StorageObject so, io.glio.saveconfig.StorageObject rec) {
        if (rec.dev() == null) {
            so.absentKeys.add("dev");
        }
        if (rec.writeBack() == null) {
            so.absentKeys.add("write_back");
        }
        if (rec.readonly() == null) {
            so.absentKeys.add("readonly");
        }
        if (rec.aio() == null) {
            so.absentKeys.add("aio");
        }
        if (rec.config() == null) {
            so.absentKeys.add("config");
        }
        if (rec.control() == null) {
            so.absentKeys.add("control");
        }
        if (rec.hwMaxSectors() == null) {
            so.absentKeys.add("hw_max_sectors");
        }
    }

    static String notAvailable(String dev) {
        return "not available: " + dev + " not found";
    }
}
