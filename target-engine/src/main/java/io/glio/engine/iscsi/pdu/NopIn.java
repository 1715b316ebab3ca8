package io.glio.engine.iscsi.pdu;

/**
 * NOP-In (RFC 7143 §11.19): the answer to a NOP-Out, or a target ping (ITT 0xffffffff).
 * <pre>
 * Byte/     0       |       1       |       2       |       3       |
 *   0|.|.| 0x20      |1| Reserved                                    |
 *   4|TotalAHSLength | DataSegmentLength                             |
 *   8| LUN or Reserved                                               |
 *  16| Initiator Task Tag or 0xffffffff                              |
 *  20| Target Transfer Tag or 0xffffffff                             |
 *  24| StatSN                                                        |
 *  28| ExpCmdSN                                                      |
 *  32| MaxCmdSN                                                      |
 *  36/ Reserved                                                      /
 *  48| DataSegment - Return Ping Data                                |
 * </pre>
 */
public record NopIn(long lunField, int initiatorTaskTag, int targetTransferTag, int statSn,
                    int expCmdSn, int maxCmdSn, byte[] pingData) {

    public RawPdu encode() {
        byte[] b = Bhs.create(Opcode.NOP_IN, false);
        b[1] = (byte) Bhs.FINAL;
        Bhs.put64(b, 8, lunField);
        Bhs.put32(b, 16, initiatorTaskTag);
        Bhs.put32(b, 20, targetTransferTag);
        Bhs.put32(b, 24, statSn);
        Bhs.put32(b, 28, expCmdSn);
        Bhs.put32(b, 32, maxCmdSn);
        return RawPdu.of(b, pingData);
    }

    public static NopIn decode(RawPdu p) {
        byte[] b = p.bhs();
        return new NopIn(Bhs.i64(b, 8), Bhs.i32(b, 16), Bhs.i32(b, 20), Bhs.i32(b, 24),
                Bhs.i32(b, 28), Bhs.i32(b, 32), p.dataBytes());
    }
}
