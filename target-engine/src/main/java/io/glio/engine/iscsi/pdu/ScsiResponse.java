package io.glio.engine.iscsi.pdu;

/**
 * SCSI Response (RFC 7143 §11.4).
 * <pre>
 * Byte/     0       |       1       |       2       |       3       |
 *   0|.|.| 0x21      |1|.|.|o|u|O|U|.| Response      | Status        |
 *   4|TotalAHSLength | DataSegmentLength                             |
 *   8| Reserved (8 bytes)                                            |
 *  16| Initiator Task Tag                                            |
 *  20| SNACK Tag                                                     |
 *  24| StatSN                                                        |
 *  28| ExpCmdSN                                                      |
 *  32| MaxCmdSN                                                      |
 *  36| ExpDataSN                                                     |
 *  40| Bidirectional Read Residual Count                             |
 *  44| Residual Count                                                |
 *  48| DataSegment: SenseLength(2) + Sense Data (§11.4.7)            |
 * </pre>
 */
public record ScsiResponse(boolean overflow, boolean underflow, int response, int status,
                           int initiatorTaskTag, int statSn, int expCmdSn, int maxCmdSn,
                           int expDataSn, int residualCount, byte[] senseData) {

    public static final int OVERFLOW = 0x04;
    public static final int UNDERFLOW = 0x02;

    public RawPdu encode() {
        byte[] b = Bhs.create(Opcode.SCSI_RESPONSE, false);
        b[1] = (byte) (Bhs.FINAL | (overflow ? OVERFLOW : 0) | (underflow ? UNDERFLOW : 0));
        Bhs.put8(b, 2, response);
        Bhs.put8(b, 3, status);
        Bhs.put32(b, 16, initiatorTaskTag);
        Bhs.put32(b, 24, statSn);
        Bhs.put32(b, 28, expCmdSn);
        Bhs.put32(b, 32, maxCmdSn);
        Bhs.put32(b, 36, expDataSn);
        Bhs.put32(b, 44, residualCount);
        byte[] data = new byte[0];
        if (senseData.length > 0) {
            data = new byte[2 + senseData.length];
            Bhs.put16(data, 0, senseData.length);
            System.arraycopy(senseData, 0, data, 2, senseData.length);
        }
        return RawPdu.of(b, data);
    }

    public static ScsiResponse decode(RawPdu p) {
        byte[] b = p.bhs();
        int f = Bhs.flags(b);
        byte[] data = p.dataBytes();
        byte[] sense = data.length >= 2
                ? java.util.Arrays.copyOfRange(data, 2, Math.min(data.length, 2 + Bhs.u16(data, 0)))
                : new byte[0];
        return new ScsiResponse((f & OVERFLOW) != 0, (f & UNDERFLOW) != 0, Bhs.u8(b, 2), Bhs.u8(b, 3),
                Bhs.i32(b, 16), Bhs.i32(b, 24), Bhs.i32(b, 28), Bhs.i32(b, 32), Bhs.i32(b, 36),
                Bhs.i32(b, 44), sense);
    }
}
