package io.glio.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A backstore storage object ({@code core/<plugin>_<n>/<name>} in LIO): its identity, the
 * plugin's settings, attributes and ALUA target port groups. Plugin-specific values are empty
 * for plugins that do not have them. Read-only view; change it through {@link TargetModel}.
 */
public final class StorageObject {

    /** How the object got its wwn: what a LU shared through its volume may do when the volume records another. */
    public enum WwnOrigin {
        /** Generated at creation (no {@code wwn=}): the volume's wwn replaces it. */
        GENERATED,
        /** Given at creation ({@code wwn=}): a different one on the volume is a conflict. */
        GIVEN,
        /** Given with {@code force=true}: it replaces the volume's. */
        FORCED,
        /** Restored from saveconfig.json, or taken from the volume: a different one is a conflict. */
        SAVED
    }

    private final Plugin plugin;
    private final String name;
    private final int hbaIndex;
    String wwn;
    WwnOrigin wwnOrigin = WwnOrigin.SAVED;
    String dev;
    Long size;
    Boolean aio;
    Boolean readonly;
    Boolean writeBackKey;
    boolean nullio;
    String config;
    String control;
    final Attributes attributes;
    final List<AluaGroup> aluaGroups = new ArrayList<>();
    final List<Lun> luns = new ArrayList<>();
    Map<String, Object> unknownKeys = new LinkedHashMap<>();
    volatile String runtimeStatus;
    /** Plugin keys the loaded saveconfig entry did not have (not written back). */
    final java.util.Set<String> absentKeys = new java.util.HashSet<>();

    private final DeviceProbe devices;

    StorageObject(Plugin plugin, String name, int hbaIndex, Attributes attributes, DeviceProbe devices) {
        this.plugin = plugin;
        this.name = name;
        this.hbaIndex = hbaIndex;
        this.attributes = attributes;
        this.devices = devices;
    }

    public Plugin plugin() {
        return plugin;
    }

    public String name() {
        return name;
    }

    /** {@code <plugin>/<name>} as LUN summaries print it ({@code fileio/disk1}, {@code user/gvol1}). */
    public String qualifiedName() {
        return plugin.saveName() + "/" + name;
    }

    /** {@code /backstores/<plugin>/<name>}: the LUN {@code storage_object} value in saveconfig.json. */
    public String savePath() {
        return "/backstores/" + qualifiedName();
    }

    /** The unit serial (VPD 0x80), uuid4 unless given at creation. */
    public String wwn() {
        return wwn;
    }

    /** How {@link #wwn()} was chosen (not saved: a restored object's is {@link WwnOrigin#SAVED}). */
    public WwnOrigin wwnOrigin() {
        return wwnOrigin;
    }

    /** Backing file or device path (fileio, block, pscsi). */
    public Optional<String> dev() {
        return Optional.ofNullable(dev);
    }

    /**
     * Size in bytes: as configured for fileio, ramdisk (pages × 4096) and user; for block the
     * device's current size (empty while the device is absent); empty for pscsi.
     */
    public OptionalLong size() {
        if (plugin == Plugin.BLOCK) {
            return dev == null ? OptionalLong.empty() : devices.blockDeviceSize(dev);
        }
        return size == null ? OptionalLong.empty() : OptionalLong.of(size);
    }

    /** Write-back caching (fileio, block): the {@code emulate_write_cache} attribute. */
    public boolean writeBack() {
        Optional<String> cache = attributes.get("emulate_write_cache");
        if (cache.isPresent()) {
            return !"0".equals(cache.get());
        }
        return Boolean.TRUE.equals(writeBackKey);
    }

    /** Asynchronous I/O (fileio). */
    public boolean aio() {
        return Boolean.TRUE.equals(aio);
    }

    /** Read-only block device. */
    public boolean readonly() {
        return Boolean.TRUE.equals(readonly);
    }

    /** Ramdisk without backing pages (reads return zeros, writes are dropped). */
    public boolean nullio() {
        return nullio;
    }

    /** User-backed config string including the handler ({@code glfs/vol@host/file}). */
    public Optional<String> config() {
        return Optional.ofNullable(config);
    }

    /** User-backed handler name: the config text before the first {@code /} ({@code glfs}). */
    public Optional<String> userHandler() {
        if (config == null) {
            return Optional.empty();
        }
        int slash = config.indexOf('/');
        return Optional.of(slash < 0 ? config : config.substring(0, slash));
    }

    /** User-backed maximum sectors per command (the {@code hw_max_sectors} attribute). */
    public long hwMaxSectors() {
        return attributes.getLong("hw_max_sectors", 128);
    }

    /** User-backed control string as rtslib dumps it. */
    public Optional<String> control() {
        return Optional.ofNullable(control);
    }

    public Attributes attributes() {
        return attributes;
    }

    /** Block size the object exports ({@code block_size} attribute, 512 when absent). */
    public int blockSize() {
        return (int) attributes.getLong("block_size", 512);
    }

    /** ALUA target port groups in configfs order ({@code default_tg_pt_gp} first unless restored otherwise). */
    public List<AluaGroup> aluaGroups() {
        return List.copyOf(aluaGroups);
    }

    public Optional<AluaGroup> aluaGroup(String groupName) {
        return aluaGroups.stream().filter(g -> g.name().equals(groupName)).findFirst();
    }

    /**
     * Whether ALUA groups can be set up: always for fileio, block and ramdisk; for pscsi and
     * user only when the {@code alua_support} attribute is 1 (rtslib's rule).
     */
    public boolean aluaSupported() {
        if (plugin == Plugin.PSCSI || plugin == Plugin.USER) {
            return attributes.getLong("alua_support", 0) == 1;
        }
        return true;
    }

    /** The TPG LUNs exporting this object, in creation order. */
    public List<Lun> luns() {
        return List.copyOf(luns);
    }

    /** {@code activated} while at least one LUN exports the object (reference §5). */
    public boolean activated() {
        return !luns.isEmpty();
    }

    /**
     * What restore found missing, e.g. {@code not available: /dev/sdb not found}; empty
     * otherwise. The state of a served store is the engine's, kept beside the model
     * ({@code DeviceRegistry.state}).
     */
    public Optional<String> runtimeStatus() {
        return Optional.ofNullable(runtimeStatus);
    }

    /** The configfs HBA index ({@code fileio_3}). */
    public int hbaIndex() {
        return hbaIndex;
    }

    public String configfsPath() {
        return ConfigfsPaths.ROOT + "/core/" + plugin.hbaPrefix() + "_" + hbaIndex + "/" + name;
    }

    /** saveconfig.json keys of this entry that glio does not interpret, kept for the next save. */
    public Map<String, Object> unknownKeys() {
        return Collections.unmodifiableMap(unknownKeys);
    }

    @Override
    public String toString() {
        return "StorageObject[" + qualifiedName() + "]";
    }
}
