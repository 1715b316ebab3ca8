package io.glio.engine.iscsi.pdu;

/**
 * Task Management Function Request (RFC 7143 §11.5).
 * <pre>
 * Byte/     0       |       1       |       2       |       3       |
 *   0|.|I| 0x02      |1| Function    | Reserved                      |
 *   4|TotalAHSLength | DataSegmentLength (0)                         |
 *   8| LUN or Reserved                                               |
 *  16| Initiator Task Tag                                            |
 *  20| Referenced Task Tag or 0xffffffff                             |
 *  24| CmdSN                                                         |
 *  28| ExpStatSN                                                     |
 *  32| RefCmdSN or Reserved                                          |
 *  36| ExpDataSN or Reserved                                         |
 *  40/ Reserved                                                      /
 * </pre>
 */
public record TaskManagementRequest(boolean immediate, int function, long lunField,
                                    int initiatorTaskTag, int referencedTaskTag, int cmdSn,
                                    int expStatSn, int refCmdSn) {

    public static TaskManagementRequest decode(RawPdu p) {
        byte[] b = p.bhs();
        return new TaskManagementRequest(p.immediate(), Bhs.flags(b) & 0x7f, Bhs.i64(b, 8),
                Bhs.i32(b, 16), Bhs.i32(b, 20), Bhs.i32(b, 24), Bhs.i32(b, 28), Bhs.i32(b, 32));
    }

    public RawPdu encode() {
        byte[] b = Bhs.create(Opcode.TASK_MANAGEMENT_REQUEST, immediate);
        b[1] = (byte) (Bhs.FINAL | (function & 0x7f));
        Bhs.put64(b, 8, lunField);
        Bhs.put32(b, 16, initiatorTaskTag);
        Bhs.put32(b, 20, referencedTaskTag);
        Bhs.put32(b, 24, cmdSn);
        Bhs.put32(b, 28, expStatSn);
        Bhs.put32(b, 32, refCmdSn);
        return RawPdu.of(b, new byte[0]);
    }
}
