package io.glio.engine.model;

import java.util.List;

/**
 * Result of {@link TargetModel#createFileio}: the new object, whether its backing file was
 * created, the size in bytes, and targetcli's informational notes in the order targetcli prints
 * them before {@code Created fileio <name> with size <size>} (e.g.
 * {@code Block device, size parameter ignored}, {@code Writing 1048576 bytes}).
 */
public record FileioCreation(StorageObject storageObject, boolean fileCreated, long size,
                             List<String> notes) {
}
