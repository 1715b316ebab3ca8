package io.glio.target.iscsi.pdu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.nio.ByteBuffer;

/**
 * Writes a PDU as RFC 7143 §11.2 frames it: BHS (its TotalAHSLength and DataSegmentLength fields
 * filled in here), AHS, header digest, data segment, zero padding, data digest.
 */
public final class PduEncoder {

    private PduEncoder() {
    }

    /** The wire bytes of {@code pdu} in a new buffer the caller owns. */
    public static ByteBuf encode(ByteBufAllocator alloc, RawPdu pdu, boolean headerDigest, boolean dataDigest) {
        byte[] bhs = pdu.bhs().clone();
        ByteBuffer data = pdu.data().duplicate();
        int length = data.remaining();
        Bhs.put8(bhs, 4, pdu.ahs().length / 4);
        Bhs.put24(bhs, 5, length);
        int pad = Digests.padding(length);
        int size = Bhs.LENGTH + pdu.ahs().length + (headerDigest ? 4 : 0) + length + pad
                + (dataDigest && length > 0 ? 4 : 0);
        ByteBuf out = alloc.buffer(size);
        out.writeBytes(bhs).writeBytes(pdu.ahs());
        if (headerDigest) {
            out.writeIntLE(Digests.crc32c(bhs, pdu.ahs()));
        }
        if (length > 0) {
            out.writeBytes(data.duplicate());
            out.writeZero(pad);
            if (dataDigest) {
                out.writeIntLE(Digests.crc32c(data, pad));
            }
        }
        return out;
    }

    /** The wire bytes of {@code pdu} as an array (tests, digests off). */
    public static byte[] toBytes(RawPdu pdu, boolean headerDigest, boolean dataDigest) {
        ByteBuf buf = encode(io.netty.buffer.UnpooledByteBufAllocator.DEFAULT, pdu, headerDigest, dataDigest);
        try {
            byte[] out = new byte[buf.readableBytes()];
            buf.readBytes(out);
            return out;
        } finally {
            buf.release();
        }
    }
}
