package io.glio.engine.iscsi.pdu;

/**
 * Field access on a 48-byte Basic Header Segment (RFC 7143 §11.2.1). Every multi-byte field is
 * big-endian; sequence numbers and tags are unsigned 32-bit values carried in Java {@code int}s
 * (compare them with {@link SerialNumbers}).
 *
 * <pre>
 * Byte/     0       |       1       |       2       |       3       |
 *    +---------------+---------------+---------------+---------------+
 *   0|.|I| Opcode    |F|  Opcode-specific fields                     |
 *   4|TotalAHSLength | DataSegmentLength                             |
 *   8| LUN or Opcode-specific fields                                 |
 *  16| Initiator Task Tag                                            |
 *  20/ Opcode-specific fields                                        /
 *  48+---------------+---------------+---------------+---------------+
 * </pre>
 */
public final class Bhs {

    public static final int LENGTH = 48;
    public static final int IMMEDIATE = 0x40;
    public static final int FINAL = 0x80;
    public static final int RESERVED_TAG = 0xffffffff;

    private Bhs() {
    }

    /** A new header with the opcode (and immediate bit) in byte 0. */
    public static byte[] create(Opcode opcode, boolean immediate) {
        byte[] b = new byte[LENGTH];
        b[0] = (byte) (opcode.code() | (immediate ? IMMEDIATE : 0));
        return b;
    }

    public static int u8(byte[] b, int off) {
        return b[off] & 0xff;
    }

    public static int u16(byte[] b, int off) {
        return (b[off] & 0xff) << 8 | (b[off + 1] & 0xff);
    }

    public static int u24(byte[] b, int off) {
        return (b[off] & 0xff) << 16 | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff);
    }

    public static int i32(byte[] b, int off) {
        return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8
                | (b[off + 3] & 0xff);
    }

    public static long i64(byte[] b, int off) {
        return (long) i32(b, off) << 32 | (i32(b, off + 4) & 0xffffffffL);
    }

    public static void put8(byte[] b, int off, int v) {
        b[off] = (byte) v;
    }

    public static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    public static void put24(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 16);
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) v;
    }

    public static void put32(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    public static void put64(byte[] b, int off, long v) {
        put32(b, off, (int) (v >>> 32));
        put32(b, off + 4, (int) v);
    }

    public static int opcodeByte(byte[] b) {
        return b[0] & 0x3f;
    }

    public static boolean immediate(byte[] b) {
        return (b[0] & IMMEDIATE) != 0;
    }

    public static int flags(byte[] b) {
        return b[1] & 0xff;
    }

    public static int totalAhsLength(byte[] b) {
        return u8(b, 4);
    }

    public static int dataSegmentLength(byte[] b) {
        return u24(b, 5);
    }

    public static int initiatorTaskTag(byte[] b) {
        return i32(b, 16);
    }
}
