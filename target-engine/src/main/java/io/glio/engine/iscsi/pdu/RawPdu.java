package io.glio.engine.iscsi.pdu;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One PDU as framed on the wire, before its type is interpreted: the 48-byte BHS, the AHS bytes
 * and the data segment (between position and limit, without padding).
 *
 * @param bhs         the basic header segment, 48 bytes
 * @param ahs         the additional header segments ({@code TotalAHSLength * 4} bytes), maybe empty
 * @param data        the data segment
 * @param dataDigestOk false when data digests are in use and the received digest did not match
 */
public record RawPdu(byte[] bhs, byte[] ahs, ByteBuffer data, boolean dataDigestOk) {

    private static final byte[] NONE = new byte[0];

    public RawPdu {
        Objects.requireNonNull(bhs, "bhs");
        if (bhs.length != Bhs.LENGTH) {
            throw new IllegalArgumentException("BHS must be 48 bytes, not " + bhs.length);
        }
        ahs = ahs == null ? NONE : ahs;
        data = data == null ? ByteBuffer.wrap(NONE) : data;
    }

    /** A PDU built here: no AHS, data digest trivially fine. */
    public static RawPdu of(byte[] bhs, ByteBuffer data) {
        return new RawPdu(bhs, NONE, data, true);
    }

    public static RawPdu of(byte[] bhs, byte[] data) {
        return of(bhs, ByteBuffer.wrap(data == null ? NONE : data));
    }

    /** The opcode, or null when the code is undefined. */
    public Opcode opcode() {
        return Opcode.of(Bhs.opcodeByte(bhs));
    }

    public boolean immediate() {
        return Bhs.immediate(bhs);
    }

    public int flags() {
        return Bhs.flags(bhs);
    }

    public int initiatorTaskTag() {
        return Bhs.initiatorTaskTag(bhs);
    }

    public int dataLength() {
        return data.remaining();
    }

    /** A copy of the data segment. */
    public byte[] dataBytes() {
        byte[] out = new byte[data.remaining()];
        data.duplicate().get(out);
        return out;
    }
}
