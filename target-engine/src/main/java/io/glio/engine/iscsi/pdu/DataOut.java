package io.glio.engine.iscsi.pdu;

import java.nio.ByteBuffer;

/**
 * SCSI Data-Out (RFC 7143 §11.7).
 * <pre>
 * Byte/     0       |       1       |       2       |       3       |
 *   0|.|.| 0x05      |F| Reserved                                    |
 *   4|TotalAHSLength | DataSegmentLength                             |
 *   8| LUN or Reserved                                               |
 *  16| Initiator Task Tag                                            |
 *  20| Target Transfer Tag or 0xffffffff                             |
 *  24| Reserved                                                      |
 *  28| ExpStatSN                                                     |
 *  32| Reserved                                                      |
 *  36| DataSN                                                        |
 *  40| Buffer Offset                                                 |
 *  44| Reserved                                                      |
 *  48| DataSegment                                                   |
 * </pre>
 */
public record DataOut(boolean fin, long lunField, int initiatorTaskTag, int targetTransferTag,
                      int expStatSn, int dataSn, int bufferOffset, ByteBuffer data) {

    public static DataOut decode(RawPdu p) {
        byte[] b = p.bhs();
        return new DataOut((Bhs.flags(b) & Bhs.FINAL) != 0, Bhs.i64(b, 8), Bhs.i32(b, 16),
                Bhs.i32(b, 20), Bhs.i32(b, 28), Bhs.i32(b, 36), Bhs.i32(b, 40), p.data().duplicate());
    }

    public RawPdu encode() {
        byte[] b = Bhs.create(Opcode.DATA_OUT, false);
        b[1] = (byte) (fin ? Bhs.FINAL : 0);
        Bhs.put64(b, 8, lunField);
        Bhs.put32(b, 16, initiatorTaskTag);
        Bhs.put32(b, 20, targetTransferTag);
        Bhs.put32(b, 28, expStatSn);
        Bhs.put32(b, 36, dataSn);
        Bhs.put32(b, 40, bufferOffset);
        return RawPdu.of(b, data);
    }
}
