package io.glio.engine.scsi.identity;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Designation descriptors of the Device Identification VPD page (SPC-4 7.8.6.1):
 * <pre>
 *  byte 0  PROTOCOL IDENTIFIER (4 bits) | CODE SET (4 bits: 1 binary, 2 ASCII, 3 UTF-8)
 *  byte 1  PIV 0x80 | ASSOCIATION (0x00 LU, 0x10 target port, 0x20 target device) | TYPE
 *  byte 3  DESIGNATOR LENGTH, then the designator
 * </pre>
 */
final class Designators {

    static final int ISCSI = 5;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Designators add(int protocol, int codeSet, int piv, int association, int type, byte[] designator) {
        out.write((protocol << 4) | codeSet);
        out.write(piv | association | type);
        out.write(0);
        out.write(designator.length);
        out.writeBytes(designator);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** ASCII text, NUL terminated. */
    static byte[] asciiz(String s) {
        byte[] t = s.getBytes(StandardCharsets.US_ASCII);
        byte[] r = new byte[t.length + 1];
        System.arraycopy(t, 0, r, 0, t.length);
        return r;
    }

    /** UTF-8 SCSI name string: NUL terminated and padded to a multiple of 4 (SPC-4 7.8.6.11). */
    static byte[] nameString(String s) {
        byte[] t = s.getBytes(StandardCharsets.UTF_8);
        int len = (t.length + 1 + 3) & ~3;
        byte[] r = new byte[Math.min(len, 256)];
        System.arraycopy(t, 0, r, 0, Math.min(t.length, r.length - 1));
        return r;
    }

    /** {@code text} space padded (or cut) to {@code width} bytes. */
    static byte[] padded(String text, int width) {
        byte[] r = new byte[width];
        java.util.Arrays.fill(r, (byte) ' ');
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, r, 0, Math.min(t.length, width));
        return r;
    }

    static byte[] u16(int v) {
        return new byte[] {0, 0, (byte) (v >>> 8), (byte) v};
    }
}
