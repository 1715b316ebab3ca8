package io.glio.engine.iscsi.pdu;

import java.nio.ByteBuffer;

/**
 * SCSI Data-In (RFC 7143 §11.7). With S set it also carries the command's status (phase
 * collapse, §11.7.4); otherwise StatSN, ExpCmdSN/MaxCmdSN are still filled for the initiator.
 * <pre>
 * Byte/     0       |       1       |       2       |       3       |
 *   0|.|.| 0x25      |F|A|0 0 0|O|U|S| Reserved      |Status or Rsvd |
 *   4|TotalAHSLength | DataSegmentLength                             |
 *   8| LUN or Reserved                                               |
 *  16| Initiator Task Tag                                            |
 *  20| Target Transfer Tag or 0xffffffff                             |
 *  24| StatSN or Reserved                                            |
 *  28| ExpCmdSN                                                      |
 *  32| MaxCmdSN                                                      |
 *  36| DataSN                                                        |
 *  40| Buffer Offset                                                 |
 *  44| Residual Count                                                |
 *  48| DataSegment                                                   |
 * </pre>
 */
public record DataIn(boolean fin, boolean statusPresent, boolean overflow, boolean underflow,
                     int status, long lunField, int initiatorTaskTag, int statSn, int expCmdSn,
                     int maxCmdSn, int dataSn, int bufferOffset, int residualCount, ByteBuffer data) {

    public static final int STATUS = 0x01;

    public RawPdu encode() {
        byte[] b = Bhs.create(Opcode.DATA_IN, false);
        b[1] = (byte) ((fin ? Bhs.FINAL : 0) | (overflow ? ScsiResponse.OVERFLOW : 0)
                | (underflow ? ScsiResponse.UNDERFLOW : 0) | (statusPresent ? STATUS : 0));
        Bhs.put8(b, 3, statusPresent ? status : 0);
        Bhs.put64(b, 8, lunField);
        Bhs.put32(b, 16, initiatorTaskTag);
        Bhs.put32(b, 20, Bhs.RESERVED_TAG);
        Bhs.put32(b, 24, statSn);
        Bhs.put32(b, 28, expCmdSn);
        Bhs.put32(b, 32, maxCmdSn);
        Bhs.put32(b, 36, dataSn);
        Bhs.put32(b, 40, bufferOffset);
        Bhs.put32(b, 44, residualCount);
        return RawPdu.of(b, data);
    }

    public static DataIn decode(RawPdu p) {
        byte[] b = p.bhs();
        int f = Bhs.flags(b);
        return new DataIn((f & Bhs.FINAL) != 0, (f & STATUS) != 0, (f & ScsiResponse.OVERFLOW) != 0,
                (f & ScsiResponse.UNDERFLOW) != 0, Bhs.u8(b, 3), Bhs.i64(b, 8), Bhs.i32(b, 16),
                Bhs.i32(b, 24), Bhs.i32(b, 28), Bhs.i32(b, 32), Bhs.i32(b, 36), Bhs.i32(b, 40),
                Bhs.i32(b, 44), p.data().duplicate());
    }
}
