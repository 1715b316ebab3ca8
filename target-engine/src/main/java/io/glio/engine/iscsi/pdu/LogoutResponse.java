package io.glio.engine.iscsi.pdu;

/**
 * Logout Response (RFC 7143 §11.15).
 * <pre>
 * Byte/     0       |       1       |       2       |       3       |
 *   0|.|.| 0x26      |1| Reserved    | Response      | Reserved      |
 *   4|TotalAHSLength | DataSegmentLength (0)                         |
 *   8/ Reserved                                                      /
 *  16| Initiator Task Tag                                            |
 *  20| Reserved                                                      |
 *  24| StatSN                                                        |
 *  28| ExpCmdSN                                                      |
 *  32| MaxCmdSN                                                      |
 *  36| Reserved                                                      |
 *  40| Time2Wait                     | Time2Retain                   |
 *  44| Reserved                                                      |
 * </pre>
 */
public record LogoutResponse(int response, int initiatorTaskTag, int statSn, int expCmdSn,
                             int maxCmdSn, int time2Wait, int time2Retain) {

    public static final int SUCCESS = 0;
    public static final int CID_NOT_FOUND = 1;
    public static final int RECOVERY_NOT_SUPPORTED = 2;

    public RawPdu encode() {
        byte[] b = Bhs.create(Opcode.LOGOUT_RESPONSE, false);
        b[1] = (byte) Bhs.FINAL;
        Bhs.put8(b, 2, response);
        Bhs.put32(b, 16, initiatorTaskTag);
        Bhs.put32(b, 24, statSn);
        Bhs.put32(b, 28, expCmdSn);
        Bhs.put32(b, 32, maxCmdSn);
        Bhs.put16(b, 40, time2Wait);
        Bhs.put16(b, 42, time2Retain);
        return RawPdu.of(b, new byte[0]);
    }

    public static LogoutResponse decode(RawPdu p) {
        byte[] b = p.bhs();
        return new LogoutResponse(Bhs.u8(b, 2), Bhs.i32(b, 16), Bhs.i32(b, 24), Bhs.i32(b, 28),
                Bhs.i32(b, 32), Bhs.u16(b, 40), Bhs.u16(b, 42));
    }
}
