package io.glio.engine.scsi.command;

import io.glio.engine.scsi.Cdb;
import io.glio.engine.scsi.sense.InvalidFieldInParameterList;
import io.glio.engine.scsi.sense.ParameterListLengthError;
import io.glio.engine.scsi.sense.ScsiException;
import io.glio.engine.scsi.sense.TooManySegmentDescriptors;
import io.glio.engine.scsi.sense.TooManyTargetDescriptors;
import io.glio.engine.scsi.sense.UnsupportedSegmentDescriptorTypeCode;
import io.glio.engine.scsi.sense.UnsupportedTargetDescriptorTypeCode;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameter list of EXTENDED COPY (LID1) (SPC-4 6.4.3) as LIO's target_core_xcopy accepts it:
 * identification CSCD descriptors (0xE4) naming an LU by its NAA IEEE Registered Extended
 * designator, and one block-to-block segment (0x02).
 * <pre>
 *  header (16)   0 LIST IDENTIFIER  1 STR|LIST ID USAGE|PRIORITY  2..3 CSCD DESCRIPTOR LIST LENGTH
 *                8..11 SEGMENT DESCRIPTOR LIST LENGTH  12..15 INLINE DATA LENGTH
 *  CSCD 0xE4 (32) 0 type  1 LU ID TYPE(7..6) NUL(5) PERIPHERAL TYPE(4..0)  2..3 RELATIVE INITIATOR PORT
 *                4 CODE SET  5 ASSOCIATION|DESIGNATOR TYPE  7 DESIGNATOR LENGTH (16)  8..23 NAA 6
 *                28..31 device type specific (block: PAD, BLOCK LENGTH)
 *  segment 0x02 (28) 0 type  1 DC|CAT  2..3 DESCRIPTOR LENGTH (0x18)  4..5 SOURCE CSCD ID
 *                6..7 DESTINATION CSCD ID  10..11 NUMBER OF BLOCKS  12..19 SOURCE LBA  20..27 DESTINATION LBA
 * </pre>
 * Checks run in LIO's order (lengths, segments, then CSCDs), with its sense codes.
 *
 * @param designators the NAA designator of each CSCD descriptor, by CSCD ID
 * @param segment     the one segment
 */
record CopyParameterList(List<byte[]> designators, Segment segment) {

    static final int HEADER_LENGTH = 16;
    static final int CSCD_LENGTH = 32;
    static final int SEGMENT_LENGTH = 28;
    /** RECEIVE COPY RESULTS limits (LIO's RCR_OP_*): two CSCDs, one segment, 1024 bytes of descriptors. */
    static final int MAX_CSCD_DESCRIPTORS = 2;
    static final int MAX_SEGMENT_DESCRIPTORS = 1;
    static final int MAX_DESCRIPTOR_LIST_LENGTH = 1024;
    /** SPC-4 6.4.6.1 table 150: CSCD IDs above this are not list positions. */
    static final int MAX_CSCD_ID = 0x7ff;

    static final int IDENTIFICATION_CSCD = 0xe4;
    static final int BLOCK_TO_BLOCK = 0x02;

    /** One block-to-block segment: copy {@code blocks} from the source CSCD to the destination CSCD. */
    record Segment(int source, int destination, int blocks, long sourceLba, long destinationLba) {
    }

    /** Parses the {@code p.length} bytes the initiator sent (at least the 16-byte header). */
    static CopyParameterList parse(byte[] p) throws ScsiException {
        if (p.length < HEADER_LENGTH) {
            throw new ParameterListLengthError();
        }
        int cscdListLength = Cdb.u16(p, 2);
        long segmentListLength = Cdb.u32(p, 8);
        if (cscdListLength + segmentListLength > MAX_DESCRIPTOR_LIST_LENGTH) {
            throw new ParameterListLengthError();
        }
        if (Cdb.u32(p, 12) != 0) {
            throw new InvalidFieldInParameterList(12); // inline data: not supported (limit 0)
        }
        if (p.length < HEADER_LENGTH + cscdListLength + segmentListLength) {
            throw new ParameterListLengthError();
        }
        Segment segment = segment(p, HEADER_LENGTH + cscdListLength, (int) segmentListLength);
        return new CopyParameterList(designators(p, cscdListLength), segment);
    }

    private static Segment segment(byte[] p, int at, int length) throws ScsiException {
        if (length % SEGMENT_LENGTH != 0) {
            throw new UnsupportedSegmentDescriptorTypeCode("segment list length " + length
                    + " is not a multiple of " + SEGMENT_LENGTH);
        }
        if (length > MAX_SEGMENT_DESCRIPTORS * SEGMENT_LENGTH) {
            throw new TooManySegmentDescriptors((length / SEGMENT_LENGTH) + " segments, at most "
                    + MAX_SEGMENT_DESCRIPTORS);
        }
        if (length == 0) {
            throw new InvalidFieldInParameterList(8); // nothing to copy: LIO's INVALID PARAMETER LIST
        }
        int type = Cdb.u8(p, at);
        if (type != BLOCK_TO_BLOCK) {
            throw new UnsupportedSegmentDescriptorTypeCode(String.format("segment type 0x%02x", type));
        }
        if (Cdb.u16(p, at + 2) != SEGMENT_LENGTH - 4) {
            throw new InvalidFieldInParameterList(at + 2);
        }
        int source = Cdb.u16(p, at + 4);
        int destination = Cdb.u16(p, at + 6);
        if (source > MAX_CSCD_ID) {
            throw new InvalidFieldInParameterList(at + 4);
        }
        if (destination > MAX_CSCD_ID) {
            throw new InvalidFieldInParameterList(at + 6);
        }
        return new Segment(source, destination, Cdb.u16(p, at + 10), Cdb.u64(p, at + 12), Cdb.u64(p, at + 20));
    }

    private static List<byte[]> designators(byte[] p, int length) throws ScsiException {
        if (length % CSCD_LENGTH != 0) {
            throw new UnsupportedTargetDescriptorTypeCode("CSCD list length " + length
                    + " is not a multiple of " + CSCD_LENGTH);
        }
        if (length > MAX_CSCD_DESCRIPTORS * CSCD_LENGTH) {
            throw new TooManyTargetDescriptors((length / CSCD_LENGTH) + " CSCD descriptors, at most "
                    + MAX_CSCD_DESCRIPTORS);
        }
        List<byte[]> out = new ArrayList<>();
        for (int at = HEADER_LENGTH; at < HEADER_LENGTH + length; at += CSCD_LENGTH) {
            out.add(identification(p, at));
        }
        return out;
    }

    /** The NAA designator of an identification CSCD descriptor (SPC-4 6.4.6.2). */
    private static byte[] identification(byte[] p, int at) throws ScsiException {
        int type = Cdb.u8(p, at);
        if (type != IDENTIFICATION_CSCD) {
            throw new UnsupportedTargetDescriptorTypeCode(String.format("CSCD descriptor type 0x%02x", type));
        }
        // byte 1 (LU ID TYPE, NUL, peripheral type) is not checked: SPC-4 has LU ID TYPE ignored and NUL obsolete
        if ((p[at + 4] & 0x0f) != 0x01) {
            throw new InvalidFieldInParameterList(at + 4); // code set: binary only
        }
        if ((p[at + 5] & 0x30) != 0x00 || (p[at + 5] & 0x0f) != 0x03) {
            throw new InvalidFieldInParameterList(at + 5); // association LU, designator type NAA only
        }
        if (Cdb.u8(p, at + 7) != 16) {
            throw new InvalidFieldInParameterList(at + 7);
        }
        if ((p[at + 8] & 0xf0) != 0x60) {
            throw new InvalidFieldInParameterList(at + 8); // NAA 6 (IEEE Registered Extended) only
        }
        byte[] naa = new byte[16];
        System.arraycopy(p, at + 8, naa, 0, 16);
        return naa;
    }
}
