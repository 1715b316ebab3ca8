package io.glio.engine.iscsi.pdu;

/**
 * Text Response (RFC 7143 §11.11).
 * <pre>
 * Byte/     0       |       1       |       2       |       3       |
 *   0|.|.| 0x24      |F|C| Reserved                                  |
 *   4|TotalAHSLength | DataSegmentLength                             |
 *   8| LUN or Reserved                                               |
 *  16| Initiator Task Tag                                            |
 *  20| Target Transfer Tag or 0xffffffff                             |
 *  24| StatSN                                                        |
 *  28| ExpCmdSN                                                      |
 *  32| MaxCmdSN                                                      |
 *  36/ Reserved                                                      /
 *  48| DataSegment (Text)                                            |
 * </pre>
 */
public record TextResponse(boolean fin, boolean cont, int initiatorTaskTag, int targetTransferTag,
                           int statSn, int expCmdSn, int maxCmdSn, byte[] data) {

    public RawPdu encode() {
        byte[] b = Bhs.create(Opcode.TEXT_RESPONSE, false);
        b[1] = (byte) ((fin ? Bhs.FINAL : 0) | (cont ? LoginRequest.CONTINUE : 0));
        Bhs.put64(b, 8, -1L);
        Bhs.put32(b, 16, initiatorTaskTag);
        Bhs.put32(b, 20, targetTransferTag);
        Bhs.put32(b, 24, statSn);
        Bhs.put32(b, 28, expCmdSn);
        Bhs.put32(b, 32, maxCmdSn);
        return RawPdu.of(b, data);
    }

    public static TextResponse decode(RawPdu p) {
        byte[] b = p.bhs();
        int f = Bhs.flags(b);
        return new TextResponse((f & Bhs.FINAL) != 0, (f & LoginRequest.CONTINUE) != 0,
                Bhs.i32(b, 16), Bhs.i32(b, 20), Bhs.i32(b, 24), Bhs.i32(b, 28), Bhs.i32(b, 32),
                p.dataBytes());
    }
}
