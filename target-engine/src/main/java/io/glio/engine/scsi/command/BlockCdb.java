package io.glio.engine.scsi.command;

import io.glio.engine.scsi.Cdb;

/**
 * LBA and transfer length of the READ/WRITE family by CDB size (SBC-3 5.x):
 * <pre>
 *  6-byte : byte1 bits 4..0 + bytes 2..3 LBA (21 bits), byte 4 length (0 = 256 for READ/WRITE(6))
 * 10-byte : bytes 2..5 LBA, bytes 7..8 length
 * 12-byte : bytes 2..5 LBA, bytes 6..9 length
 * 16-byte : bytes 2..9 LBA, bytes 10..13 length
 * </pre>
 *
 * @param flags byte 1 (xxPROTECT, DPO 0x10, FUA 0x08, BYTCHK, ...); 0 for 6-byte CDBs
 */
record BlockCdb(long lba, long blocks, int flags) {

    static final int DPO = 0x10;
    static final int FUA = 0x08;

    static BlockCdb decode(byte[] cdb, boolean zeroMeans256) {
        return switch (lengthOf(cdb[0])) {
            case 6 -> {
                int len = Cdb.u8(cdb, 4);
                yield new BlockCdb(Cdb.u24(cdb, 1) & 0x1fffff, len == 0 && zeroMeans256 ? 256 : len, 0);
            }
            case 10 -> new BlockCdb(Cdb.u32(cdb, 2), Cdb.u16(cdb, 7), Cdb.u8(cdb, 1));
            case 12 -> new BlockCdb(Cdb.u32(cdb, 2), Cdb.u32(cdb, 6), Cdb.u8(cdb, 1));
            default -> new BlockCdb(Cdb.u64(cdb, 2), Cdb.u32(cdb, 10), Cdb.u8(cdb, 1));
        };
    }

    /** CDB length from the opcode's group code (SPC-4 4.2.5.1). */
    static int lengthOf(byte opcode) {
        return switch ((opcode & 0xe0) >>> 5) {
            case 0 -> 6;
            case 1, 2 -> 10;
            case 4 -> 16;
            case 5 -> 12;
            default -> 10;
        };
    }

    /** RDPROTECT/WRPROTECT/VRPROTECT (byte 1 bits 7..5). */
    int protect() {
        return (flags >>> 5) & 7;
    }

    boolean fua() {
        return (flags & FUA) != 0;
    }

    long bytes(int blockSize) {
        return blocks * blockSize;
    }
}
