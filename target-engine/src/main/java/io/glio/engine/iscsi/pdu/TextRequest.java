package io.glio.engine.iscsi.pdu;

/**
 * Text Request (RFC 7143 §11.10).
 * <pre>
 * Byte/     0       |       1       |       2       |       3       |
 *   0|.|I| 0x04      |F|C| Reserved                                  |
 *   4|TotalAHSLength | DataSegmentLength                             |
 *   8| LUN or Reserved                                               |
 *  16| Initiator Task Tag                                            |
 *  20| Target Transfer Tag or 0xffffffff                             |
 *  24| CmdSN                                                         |
 *  28| ExpStatSN                                                     |
 *  32/ Reserved                                                      /
 *  48| DataSegment (Text)                                            |
 * </pre>
 */
public record TextRequest(boolean immediate, boolean fin, boolean cont, int initiatorTaskTag,
                          int targetTransferTag, int cmdSn, int expStatSn, byte[] data) {

    public static TextRequest decode(RawPdu p) {
        byte[] b = p.bhs();
        int f = Bhs.flags(b);
        return new TextRequest(p.immediate(), (f & Bhs.FINAL) != 0, (f & LoginRequest.CONTINUE) != 0,
                Bhs.i32(b, 16), Bhs.i32(b, 20), Bhs.i32(b, 24), Bhs.i32(b, 28), p.dataBytes());
    }

    public RawPdu encode() {
        byte[] b = Bhs.create(Opcode.TEXT_REQUEST, immediate);
        b[1] = (byte) ((fin ? Bhs.FINAL : 0) | (cont ? LoginRequest.CONTINUE : 0));
        Bhs.put32(b, 16, initiatorTaskTag);
        Bhs.put32(b, 20, targetTransferTag);
        Bhs.put32(b, 24, cmdSn);
        Bhs.put32(b, 28, expStatSn);
        return RawPdu.of(b, data);
    }
}
