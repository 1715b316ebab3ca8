package io.glio.engine.iscsi.pdu;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * iSCSI header and data digests: CRC32C (RFC 7143 §13.1, Appendix B.4 of RFC 3720), sent least
 * significant byte first.
 */
public final class Digests {

    public static final int LENGTH = 4;

    private Digests() {
    }

    public static int crc32c(byte[] a, byte[] b) {
        CRC32C crc = new CRC32C();
        crc.update(a);
        crc.update(b);
        return (int) crc.getValue();
    }

    /** CRC32C of {@code data}'s remaining bytes followed by {@code pad} zero bytes. */
    public static int crc32c(ByteBuffer data, int pad) {
        CRC32C crc = new CRC32C();
        crc.update(data.duplicate());
        for (int i = 0; i < pad; i++) {
            crc.update(0);
        }
        return (int) crc.getValue();
    }

    /** Reads a digest as sent on the wire (little-endian). */
    public static int fromWire(byte[] b) {
        return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    }

    /** Padding that brings {@code length} to a multiple of 4 (RFC 7143 §11.2). */
    public static int padding(int length) {
        return (4 - (length & 3)) & 3;
    }
}
