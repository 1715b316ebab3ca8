package io.glio.engine.backing.glfs.meta;

/**
 * What every gateway must report alike for one LU: the unit serial (VPD 0x80, from which the
 * NAA designator of VPD 0x83 is derived), the size in bytes and the logical block size.
 */
public record LuIdentity(String wwn, long size, int blockSize) {

    public LuIdentity {
        if (wwn == null || wwn.isBlank()) {
            throw new IllegalArgumentException("LU metadata: wwn is empty");
        }
        if (size <= 0) {
            throw new IllegalArgumentException("LU metadata: size " + size + " (expected: > 0)");
        }
        if (blockSize <= 0) {
            throw new IllegalArgumentException("LU metadata: block_size " + blockSize + " (expected: > 0)");
        }
    }

    LuIdentity withSize(long newSize) {
        return new LuIdentity(wwn, newSize, blockSize);
    }
}
