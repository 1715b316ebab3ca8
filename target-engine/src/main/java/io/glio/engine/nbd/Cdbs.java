package io.glio.engine.nbd;

import io.glio.engine.scsi.Cdb;

/** The 16-byte block CDBs (SBC-3) the NBD commands become: opcode, byte 1 flags, LBA, block count. */
final class Cdbs {

    static final int READ_16 = 0x88;
    static final int WRITE_16 = 0x8a;
    static final int PRE_FETCH_16 = 0x90;
    static final int SYNCHRONIZE_CACHE_16 = 0x91;
    static final int WRITE_SAME_16 = 0x93;

    private Cdbs() {
    }

    /** opcode | flags | LBA (64) at 2 | NUMBER OF LOGICAL BLOCKS (32) at 10 | group | control. */
    static byte[] block16(int opcode, int flags, long lba, long blocks) {
        byte[] cdb = new byte[16];
        cdb[0] = (byte) opcode;
        cdb[1] = (byte) flags;
        Cdb.put64(cdb, 2, lba);
        Cdb.put32(cdb, 10, blocks);
        return cdb;
    }
}
