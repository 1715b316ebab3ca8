package io.glio.engine.iscsi.pdu;

/**
 * Logout Request (RFC 7143 §11.14).
 * <pre>
 * Byte/     0       |       1       |       2       |       3       |
 *   0|.|I| 0x06      |1| Reason Code | Reserved                      |
 *   4|TotalAHSLength | DataSegmentLength (0)                         |
 *   8/ Reserved                                                      /
 *  16| Initiator Task Tag                                            |
 *  20| CID or Reserved               | Reserved                      |
 *  24| CmdSN                                                         |
 *  28| ExpStatSN                                                     |
 *  32/ Reserved                                                      /
 * </pre>
 */
public record LogoutRequest(boolean immediate, int reason, int initiatorTaskTag, int cid, int cmdSn,
                            int expStatSn) {

    public static final int CLOSE_SESSION = 0;
    public static final int CLOSE_CONNECTION = 1;
    public static final int REMOVE_FOR_RECOVERY = 2;

    public static LogoutRequest decode(RawPdu p) {
        byte[] b = p.bhs();
        return new LogoutRequest(p.immediate(), Bhs.flags(b) & 0x7f, Bhs.i32(b, 16), Bhs.u16(b, 20),
                Bhs.i32(b, 24), Bhs.i32(b, 28));
    }

    public RawPdu encode() {
        byte[] b = Bhs.create(Opcode.LOGOUT_REQUEST, immediate);
        b[1] = (byte) (Bhs.FINAL | (reason & 0x7f));
        Bhs.put32(b, 16, initiatorTaskTag);
        Bhs.put16(b, 20, cid);
        Bhs.put32(b, 24, cmdSn);
        Bhs.put32(b, 28, expStatSn);
        return RawPdu.of(b, new byte[0]);
    }
}
