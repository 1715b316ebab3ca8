package io.glio.engine.model;

import io.glio.engine.model.ModelEvent.StorageObjectAspect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Storage-object and ALUA-group mutations of {@link TargetModel} (rtslib tcm.py, alua.py). */
final class BackstoreOps {

    private final TargetModel model;

    BackstoreOps(TargetModel model) {
        this.model = model;
    }

    private DeviceProbe devices() {
        return model.environment().devices();
    }

    // ------------------------------------------------------------ creation

    FileioCreation createFileio(String name, String fileOrDev, String size, boolean writeBack,
                                boolean sparse, String wwn) {
        return new FileioCreator(model, this).create(name, fileOrDev, size, writeBack, sparse, wwn);
    }

    StorageObject createBlock(String name, String dev, Boolean readonly, String wwn) {
        boolean ro;
        if (readonly == null) {
            if (devices().kind(dev) == DeviceProbe.Kind.MISSING) {
                throw new NotFoundException("Could not open " + dev);
            }
            ro = devices().blockDeviceReadOnly(dev);
        } else {
            ro = readonly;
        }
        checkNewName(Plugin.BLOCK, name);
        if (!devices().isDiskBlockDevice(dev)) {
            throw new InvalidValueException("Device " + dev + " is not a TYPE_DISK block device");
        }
        for (StorageObject so : model.storageObjects) {
            if (so.dev != null && devices().sameFile(dev, so.dev)) {
                throw new InvalidValueException("Cannot configure StorageObject because device "
                        + dev + " is already in use");
            }
        }
        StorageObject so = newObject(Plugin.BLOCK, name, wwn);
        so.dev = dev;
        so.readonly = ro;
        so.writeBackKey = false;
        add(so);
        return so;
    }

    StorageObject createRamdisk(String name, long sizeBytes, boolean nullio, String wwn) {
        checkNewName(Plugin.RAMDISK, name);
        StorageObject so = newObject(Plugin.RAMDISK, name, wwn);
        so.size = ramdiskPages(sizeBytes) * 4096;
        so.nullio = nullio;
        add(so);
        return so;
    }

    /** rtslib: {@code round(size / PAGE_SIZE)}, Python's round half to even, at least one page. */
    static long ramdiskPages(long sizeBytes) {
        long pages = (long) Math.rint(sizeBytes / 4096.0);
        return pages == 0 ? 1 : pages;
    }

    StorageObject createPscsi(String name, String dev) {
        checkNewName(Plugin.PSCSI, name);
        boolean isDevice = devices().kind(dev) == DeviceProbe.Kind.BLOCK_DEVICE;
        if (!isDevice && !dev.matches("\\d+:\\d+:\\d+:\\d+")) {
            throw new InvalidValueException("Cannot find SCSI device by path, and dev parameter"
                    + " not in H:C:T:L format: " + dev);
        }
        StorageObject so = newObject(Plugin.PSCSI, name, null);
        so.dev = dev.strip();
        add(so);
        return so;
    }

    StorageObject createUser(String name, long sizeBytes, String config, String wwn, boolean forceWwn,
                             String hwMaxSectors, String control) {
        if (forceWwn && (wwn == null || wwn.isEmpty())) {
            throw new InvalidValueException("force=true needs a wwn to force");
        }
        if (config == null || sizeBytes < 0) {
            throw new InvalidValueException(
                    "'size' and 'config' must be set when creating a new UserBackedStorageObject");
        }
        if (!config.contains("/")) {
            throw new InvalidValueException("'config' must contain a '/' separating subtype "
                    + "from its configuration string");
        }
        checkNewName(Plugin.USER, name);
        UserHandlers.checkColons(config);
        UserControl settings = UserControl.defaults();
        if (hwMaxSectors != null) {
            settings.apply("hw_max_sectors=" + hwMaxSectors);
        }
        if (control != null) {
            settings.apply(control);
        }
        StorageObject so = newObject(Plugin.USER, name, wwn);
        if (forceWwn) {
            so.wwnOrigin = StorageObject.WwnOrigin.FORCED;
        }
        so.config = config;
        so.size = sizeBytes;
        settings.applyTo(so);
        add(so);
        return so;
    }

    /** Name rules and uniqueness per plugin (rtslib {@code StorageObject}, {@code _Backstore}). */
    void checkNewName(Plugin plugin, String name) {
        if (name.contains("/") || name.contains(" ") || name.contains("\t") || name.contains("\n")) {
            throw new InvalidValueException(
                    "A storage object's name cannot contain  /, newline or spaces/tabs");
        }
        if (model.storageObject(plugin, name).isPresent()) {
            throw new AlreadyExistsException("Storage object " + plugin.saveName() + "/" + name + " exists");
        }
    }

    /** A new object with the plugin's attributes, its default ALUA group and a wwn. */
    StorageObject newObject(Plugin plugin, String name, String wwn) {
        StorageObject so = new StorageObject(plugin, name, freeHbaIndex(),
                KernelDefaults.storageObjectAttributes(plugin), devices());
        boolean generate = wwn == null || wwn.isEmpty();
        so.wwn = generate ? Wwns.generate(WwnType.UNIT_SERIAL, model.environment()) : wwn;
        so.wwnOrigin = generate ? StorageObject.WwnOrigin.GENERATED : StorageObject.WwnOrigin.GIVEN;
        if (so.aluaSupported()) {
            so.aluaGroups.add(new AluaGroup(so, AluaGroup.DEFAULT_NAME, 0));
        }
        return so;
    }

    private int freeHbaIndex() {
        Set<Integer> used = new HashSet<>();
        model.storageObjects.forEach(so -> used.add(so.hbaIndex()));
        int index = 0;
        while (used.contains(index)) {
            index++;
        }
        return index;
    }

    void add(StorageObject so) {
        model.storageObjects.add(so);
        model.emit(new ModelEvent.StorageObjectAdded(so));
    }

    // ------------------------------------------------------------ deletion and settings

    void delete(StorageObject so) {
        model.checkAlive(so);
        for (Lun lun : new ArrayList<>(so.luns)) {
            ExportOps.removeLun(model, lun);
        }
        so.aluaGroups.removeIf(g -> !g.name().equals(AluaGroup.DEFAULT_NAME));
        model.storageObjects.remove(so);
        model.emit(new ModelEvent.StorageObjectRemoved(so));
    }

    void deleteUnused(StorageObject so) {
        model.checkAlive(so);
        if (!so.luns.isEmpty()) {
            throw new InUseException("[Errno 16] Device or resource busy: '" + so.configfsPath() + "'");
        }
        delete(so);
    }

    void setAttribute(StorageObject so, String name, String value) {
        model.checkAlive(so);
        String accepted = AttributeRules.check(so.attributes, name, value);
        so.attributes.put(name, accepted);
        model.emit(new ModelEvent.StorageObjectChanged(so, StorageObjectAspect.ATTRIBUTES));
    }

    AluaGroup createAluaGroup(StorageObject so, String name, int tag) {
        model.checkAlive(so);
        if (!so.aluaSupported()) {
            throw new InvalidValueException("Backend does not support ALUA setup");
        }
        if (tag > 65535 || tag < 1) {
            throw new InvalidValueException("The TPG Tag must be between 1 and 65535");
        }
        if (so.aluaGroup(name).isPresent()) {
            throw new AlreadyExistsException("This ALUATargetPortGroup already exists in configFS");
        }
        if (name.contains("/") || name.isEmpty()) {
            throw new InvalidValueException("Could not create ALUATargetPortGroup in configFS");
        }
        for (AluaGroup g : so.aluaGroups) {
            if (g.id() == tag) {
                throw new InvalidValueException("Cannot set id to " + tag + ": [Errno 22] Invalid argument");
            }
        }
        AluaGroup group = new AluaGroup(so, name, tag);
        so.aluaGroups.add(group);
        model.emit(new ModelEvent.StorageObjectChanged(so, StorageObjectAspect.ALUA_GROUPS));
        return group;
    }

    void deleteAluaGroup(StorageObject so, String name) {
        model.checkAlive(so);
        AluaGroup group = so.aluaGroup(name).orElseThrow(() -> new NotFoundException(
                "No such ALUATargetPortGroup in configfs: " + so.configfsPath() + "/alua/" + name));
        if (group.name().equals(AluaGroup.DEFAULT_NAME)) {
            throw new InvalidValueException("Can not delete default_tg_pt_gp");
        }
        so.aluaGroups.remove(group);
        for (Lun lun : so.luns) {
            if (name.equals(lun.aluaGroupName)) {
                // The kernel moves the group's LUNs back to the default group.
                lun.aluaGroupName = AluaGroup.DEFAULT_NAME;
                model.emit(new ModelEvent.LunChanged(lun));
            }
        }
        model.emit(new ModelEvent.StorageObjectChanged(so, StorageObjectAspect.ALUA_GROUPS));
    }

    void setAluaParameter(AluaGroup group, String param, long value) {
        StorageObject so = group.storageObject();
        model.checkAlive(so);
        if (!so.aluaGroups.contains(group)) {
            throw new NotFoundException("This ALUATargetPortGroup does not exist in configFS");
        }
        if (!KernelDefaults.ALUA_DEFAULTS.containsKey(param)) {
            throw new InvalidValueException(
                    "Could not set attribute '" + param + "' for alua tpg '" + group.name() + "'");
        }
        AluaRules.check(param, value);
        group.parameters.put(param, value);
        model.emit(new ModelEvent.StorageObjectChanged(so, StorageObjectAspect.ALUA_GROUPS));
    }

    void changeMedium(StorageObject so, long sizeBytes, String cfgstring) {
        model.checkAlive(so);
        if (so.plugin() != Plugin.USER || so.config == null) {
            throw new InvalidValueException("ChangeMedium is only supported by user-backed storage objects");
        }
        String config = so.userHandler().orElseThrow() + "/" + cfgstring;
        UserHandlers.checkColons(config);
        if (sizeBytes < 0) {
            throw new InvalidValueException("Cannot interpret size, wrong format: " + sizeBytes);
        }
        so.config = config;
        so.size = sizeBytes;
        model.emit(new ModelEvent.StorageObjectChanged(so, StorageObjectAspect.MEDIUM));
    }

    void adoptSharedIdentity(StorageObject so, String wwn, long sizeBytes) {
        model.checkAlive(so);
        if (so.plugin() != Plugin.USER) {
            throw new InvalidValueException("only user-backed storage objects share an identity, not " + so);
        }
        so.wwn = wwn;
        so.size = sizeBytes;
        so.wwnOrigin = StorageObject.WwnOrigin.SAVED;
        model.emit(new ModelEvent.StorageObjectChanged(so, StorageObjectAspect.IDENTITY));
    }

    static String expandUser(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return System.getProperty("user.home") + path.substring(1);
        }
        return path;
    }
}
