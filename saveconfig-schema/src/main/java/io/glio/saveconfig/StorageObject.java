package io.glio.saveconfig;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code storage_objects}: a backstore. A single record serves every plugin
 * ({@code fileio}, {@code block}/{@code iblock}, {@code pscsi}, {@code ramdisk}/{@code rd_mcp},
 * {@code user}); keys a plugin does not use are {@code null}. Every {@code null} component means
 * "key absent in the file" and is not written, so a loaded file saves back unchanged.
 *
 * @param plugin       {@code plugin} (required)
 * @param name         {@code name} (required)
 * @param dev          {@code dev}: file or device path (fileio, block, pscsi)
 * @param size         {@code size} in bytes (fileio, ramdisk, user)
 * @param wwn          {@code wwn}: the VPD unit serial (not a NAA WWN despite the name)
 * @param writeBack    {@code write_back} (fileio, block)
 * @param readonly     {@code readonly} (block)
 * @param aio          {@code aio} (fileio)
 * @param nullio       {@code nullio} (ramdisk; rtslib writes it only when true)
 * @param config       {@code config} (user), e.g. {@code glfs/gv0@host/file.img}
 * @param control      {@code control} (user), e.g. {@code max_data_area_mb=1024,hw_block_size=512,…}
 * @param hwMaxSectors {@code hw_max_sectors} (user)
 * @param attributes   {@code attributes} in file order, values as in the file (ints stay ints)
 * @param aluaTpgs     {@code alua_tpgs}
 * @param extra        keys this model does not know, kept in file order and written back unchanged
 */
public record StorageObject(String plugin, String name, String dev, Long size, String wwn, Boolean writeBack,
        Boolean readonly, Boolean aio, Boolean nullio, String config, String control, Integer hwMaxSectors,
        Map<String, JsonNode> attributes, List<AluaTpg> aluaTpgs, Map<String, JsonNode> extra) {

    public StorageObject {
        if (plugin == null || name == null) {
            throw new IllegalArgumentException("storage object plugin and name are required");
        }
        attributes = Copies.values(attributes);
        aluaTpgs = Copies.list(aluaTpgs);
        extra = Copies.extra(extra);
    }

    /** A fileio object as rtslib saves it ({@code aio} false, empty attributes and ALUA groups). */
    public static StorageObject fileio(String name, String dev, long size, boolean writeBack, String wwn) {
        return new StorageObject("fileio", name, dev, size, wwn, writeBack, null, false, null, null, null, null,
                Map.of(), List.of(), Map.of());
    }

    /** A block object as rtslib saves it. */
    public static StorageObject block(String name, String dev, boolean readonly, boolean writeBack, String wwn) {
        return new StorageObject("block", name, dev, null, wwn, writeBack, readonly, null, null, null, null, null,
                Map.of(), List.of(), Map.of());
    }

    /** A ramdisk object as rtslib saves it; {@code nullio} is written only when true. */
    public static StorageObject ramdisk(String name, long size, boolean nullio, String wwn) {
        return new StorageObject("ramdisk", name, null, size, wwn, null, null, null, nullio ? Boolean.TRUE : null,
                null, null, null, Map.of(), List.of(), Map.of());
    }

    /** A pscsi object as rtslib saves it. */
    public static StorageObject pscsi(String name, String dev) {
        return new StorageObject("pscsi", name, dev, null, null, null, null, null, null, null, null, null,
                Map.of(), List.of(), Map.of());
    }

    /** A TCMU user-backed object (e.g. {@code config} = {@code glfs/vol@host/file}) as rtslib saves it. */
    public static StorageObject user(String name, long size, String config, int hwMaxSectors, String control,
            String wwn) {
        return new StorageObject("user", name, null, size, wwn, null, null, null, null, config, control,
                hwMaxSectors, Map.of(), List.of(), Map.of());
    }

    /**
     * The plugin name rtslib uses in {@code /backstores/<plugin>/<name>} references: old
     * files say {@code rd_mcp} and {@code iblock} where current ones say {@code ramdisk} and {@code block}.
     */
    public String canonicalPlugin() {
        return canonicalPlugin(plugin);
    }

    /** See {@link #canonicalPlugin()}. */
    public static String canonicalPlugin(String plugin) {
        return switch (plugin) {
            case "rd_mcp" -> "ramdisk";
            case "iblock" -> "block";
            default -> plugin;
        };
    }

    /** The reference a LUN uses for this object: {@code /backstores/<plugin>/<name>}. */
    public String lunReference() {
        return "/backstores/" + canonicalPlugin() + "/" + name;
    }

    public StorageObject withAttributes(Map<String, JsonNode> newAttributes) {
        return new StorageObject(plugin, name, dev, size, wwn, writeBack, readonly, aio, nullio, config, control,
                hwMaxSectors, newAttributes, aluaTpgs, extra);
    }

    /** Returns a copy with one attribute set (Integer/Long/Boolean/String/JsonNode; ints stay ints). */
    public StorageObject withAttribute(String key, Object value) {
        return withAttributes(Copies.with(attributes, key, Copies.json(value)));
    }

    public StorageObject withAluaTpgs(List<AluaTpg> newAluaTpgs) {
        return new StorageObject(plugin, name, dev, size, wwn, writeBack, readonly, aio, nullio, config, control,
                hwMaxSectors, attributes, newAluaTpgs, extra);
    }

    public StorageObject withWwn(String newWwn) {
        return new StorageObject(plugin, name, dev, size, newWwn, writeBack, readonly, aio, nullio, config, control,
                hwMaxSectors, attributes, aluaTpgs, extra);
    }

    public StorageObject withSize(Long newSize) {
        return new StorageObject(plugin, name, dev, newSize, wwn, writeBack, readonly, aio, nullio, config, control,
                hwMaxSectors, attributes, aluaTpgs, extra);
    }

    public StorageObject withExtra(Map<String, JsonNode> newExtra) {
        return new StorageObject(plugin, name, dev, size, wwn, writeBack, readonly, aio, nullio, config, control,
                hwMaxSectors, attributes, aluaTpgs, newExtra);
    }
}
