package io.glio.engine.scsi.command;

import java.util.Arrays;

/**
 * CDB USAGE DATA (SPC-4 6.35.3) of the block-access CDB layouts: byte 0 the opcode, byte 1 the
 * flag bits the command accepts, the LBA and TRANSFER LENGTH bytes fully usable, GROUP NUMBER
 * 0x3f, CONTROL 0.
 */
final class CdbUsage {

    private CdbUsage() {
    }

    /** 10-byte: LBA 2..5, group 6, length 7..8. */
    static byte[] block10(int opcode, int flags) {
        return layout(10, opcode, flags, 6);
    }

    /** 12-byte: LBA 2..5, length 6..9, group 10. */
    static byte[] block12(int opcode, int flags) {
        return layout(12, opcode, flags, 10);
    }

    /** 16-byte: LBA 2..9, length 10..13, group 14. */
    static byte[] block16(int opcode, int flags) {
        return layout(16, opcode, flags, 14);
    }

    private static byte[] layout(int length, int opcode, int flags, int groupAt) {
        byte[] u = new byte[length];
        Arrays.fill(u, 2, length - 1, (byte) 0xff);
        u[0] = (byte) opcode;
        u[1] = (byte) flags;
        u[groupAt] = 0x3f;
        u[length - 1] = 0;
        return u;
    }
}
