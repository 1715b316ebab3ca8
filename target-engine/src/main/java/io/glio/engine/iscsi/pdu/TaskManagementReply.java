package io.glio.engine.iscsi.pdu;

/**
 * Task Management Function Response (RFC 7143 §11.6).
 * <pre>
 * Byte/     0       |       1       |       2       |       3       |
 *   0|.|.| 0x22      |1| Reserved    | Response      | Reserved      |
 *   4|TotalAHSLength | DataSegmentLength (0)                         |
 *   8/ Reserved                                                      /
 *  16| Initiator Task Tag                                            |
 *  20| Reserved                                                      |
 *  24| StatSN                                                        |
 *  28| ExpCmdSN                                                      |
 *  32| MaxCmdSN                                                      |
 *  36/ Reserved                                                      /
 * </pre>
 */
public record TaskManagementReply(int response, int initiatorTaskTag, int statSn, int expCmdSn,
                                  int maxCmdSn) {

    public RawPdu encode() {
        byte[] b = Bhs.create(Opcode.TASK_MANAGEMENT_RESPONSE, false);
        b[1] = (byte) Bhs.FINAL;
        Bhs.put8(b, 2, response);
        Bhs.put32(b, 16, initiatorTaskTag);
        Bhs.put32(b, 24, statSn);
        Bhs.put32(b, 28, expCmdSn);
        Bhs.put32(b, 32, maxCmdSn);
        return RawPdu.of(b, new byte[0]);
    }

    public static TaskManagementReply decode(RawPdu p) {
        byte[] b = p.bhs();
        return new TaskManagementReply(Bhs.u8(b, 2), Bhs.i32(b, 16), Bhs.i32(b, 24), Bhs.i32(b, 28),
                Bhs.i32(b, 32));
    }
}
