package io.glio.engine.iscsi.pdu;

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
        ByteBuffer data = pdu.data().duplicate();
        int length = data.remaining();
        int pad = Digests.padding(length);
        int size = headerLength(pdu, headerDigest) + length + pad + (dataDigest && length > 0 ? 4 : 0);
        ByteBuf out = alloc.buffer(size);
        writeHeader(out, pdu, length, headerDigest);
        if (length > 0) {
            out.writeBytes(data.duplicate());
            out.writeZero(pad);
            if (dataDigest) {
                out.writeIntLE(Digests.crc32c(data, pad));
            }
        }
        return out;
    }

    /**
     * The wire bytes of a PDU whose data segment is {@code data}, without copying it: a composite
     * of a small buffer holding BHS, AHS and header digest, {@code data} itself, and one holding
     * the padding and data digest. Takes over the caller's reference to {@code data} (released
     * with the result, or here if encoding fails); {@code header}'s own data segment must be empty.
     */
    public static ByteBuf encode(ByteBufAllocator alloc, RawPdu header, ByteBuf data, boolean headerDigest,
                                 boolean dataDigest) {
        ByteBuf head = null;
        try {
            if (header.dataLength() != 0) {
                throw new IllegalArgumentException("the header already has a data segment of "
                        + header.dataLength() + " bytes");
            }
            int length = data.readableBytes();
            if (length > 0xffffff) {
                throw new IllegalArgumentException("data segment of " + length + " bytes exceeds the 24-bit length");
            }
            int pad = Digests.padding(length);
            int trailerLength = length == 0 ? 0 : pad + (dataDigest ? 4 : 0);
            head = alloc.buffer(headerLength(header, headerDigest));
            writeHeader(head, header, length, headerDigest);
            if (length == 0) {
                data.release();
                return head;
            }
            if (trailerLength == 0) {
                return alloc.compositeBuffer(2).addComponents(true, head, data);
            }
            int digest = dataDigest ? Digests.crc32c(data.nioBuffer(), pad) : 0;
            ByteBuf trailer = alloc.buffer(trailerLength).writeZero(pad);
            if (dataDigest) {
                trailer.writeIntLE(digest);
            }
            return alloc.compositeBuffer(3).addComponents(true, head, data, trailer);
        } catch (RuntimeException e) {
            data.release();
            if (head != null) {
                head.release();
            }
            throw e;
        }
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

    private static int headerLength(RawPdu pdu, boolean headerDigest) {
        return Bhs.LENGTH + pdu.ahs().length + (headerDigest ? 4 : 0);
    }

    /** BHS with TotalAHSLength and DataSegmentLength filled in, AHS, then the header digest if on. */
    private static void writeHeader(ByteBuf out, RawPdu pdu, int dataLength, boolean headerDigest) {
        byte[] bhs = pdu.bhs().clone();
        Bhs.put8(bhs, 4, pdu.ahs().length / 4);
        Bhs.put24(bhs, 5, dataLength);
        out.writeBytes(bhs).writeBytes(pdu.ahs());
        if (headerDigest) {
            out.writeIntLE(Digests.crc32c(bhs, pdu.ahs()));
        }
    }
}
