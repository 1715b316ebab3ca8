package io.glio.engine.iscsi.pdu;

/**
 * NOP-Out (RFC 7143 §11.18).
 * <pre>
 * Byte/     0       |       1       |       2       |       3       |
 *   0|.|I| 0x00      |1| Reserved                                    |
 *   4|TotalAHSLength | DataSegmentLength                             |
 *   8| LUN or Reserved                                               |
 *  16| Initiator Task Tag or 0xffffffff                              |
 *  20| Target Transfer Tag or 0xffffffff                             |
 *  24| CmdSN                                                         |
 *  28| ExpStatSN                                                     |
 *  32/ Reserved                                                      /
 *  48| DataSegment - Ping Data (optional)                            |
 * </pre>
 */
public record NopOut(boolean immediate, long lunField, int initiatorTaskTag, int targetTransferTag,
                     int cmdSn, int expStatSn, byte[] pingData) {

    public static NopOut decode(RawPdu p) {
        byte[] b = p.bhs();
        return new NopOut(p.immediate(), Bhs.i64(b, 8), Bhs.i32(b, 16), Bhs.i32(b, 20),
                Bhs.i32(b, 24), Bhs.i32(b, 28), p.dataBytes());
    }

    public RawPdu encode() {
        byte[] b = Bhs.create(Opcode.NOP_OUT, immediate);
        b[1] = (byte) Bhs.FINAL;
        Bhs.put64(b, 8, lunField);
        Bhs.put32(b, 16, initiatorTaskTag);
        Bhs.put32(b, 20, targetTransferTag);
        Bhs.put32(b, 24, cmdSn);
        Bhs.put32(b, 28, expStatSn);
        return RawPdu.of(b, pingData);
    }
}
