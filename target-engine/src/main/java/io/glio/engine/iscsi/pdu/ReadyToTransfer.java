package io.glio.engine.iscsi.pdu;

/**
 * Ready To Transfer, R2T (RFC 7143 §11.8).
 * <pre>
 * Byte/     0       |       1       |       2       |       3       |
 *   0|.|.| 0x31      |1| Reserved                                    |
 *   4|TotalAHSLength | DataSegmentLength (0)                         |
 *   8| LUN                                                           |
 *  16| Initiator Task Tag                                            |
 *  20| Target Transfer Tag                                           |
 *  24| StatSN                                                        |
 *  28| ExpCmdSN                                                      |
 *  32| MaxCmdSN                                                      |
 *  36| R2TSN                                                         |
 *  40| Buffer Offset                                                 |
 *  44| Desired Data Transfer Length                                  |
 * </pre>
 */
public record ReadyToTransfer(long lunField, int initiatorTaskTag, int targetTransferTag, int statSn,
                              int expCmdSn, int maxCmdSn, int r2tSn, int bufferOffset,
                              int desiredDataTransferLength) {

    public RawPdu encode() {
        byte[] b = Bhs.create(Opcode.R2T, false);
        b[1] = (byte) Bhs.FINAL;
        Bhs.put64(b, 8, lunField);
        Bhs.put32(b, 16, initiatorTaskTag);
        Bhs.put32(b, 20, targetTransferTag);
        Bhs.put32(b, 24, statSn);
        Bhs.put32(b, 28, expCmdSn);
        Bhs.put32(b, 32, maxCmdSn);
        Bhs.put32(b, 36, r2tSn);
        Bhs.put32(b, 40, bufferOffset);
        Bhs.put32(b, 44, desiredDataTransferLength);
        return RawPdu.of(b, new byte[0]);
    }

    public static ReadyToTransfer decode(RawPdu p) {
        byte[] b = p.bhs();
        return new ReadyToTransfer(Bhs.i64(b, 8), Bhs.i32(b, 16), Bhs.i32(b, 20), Bhs.i32(b, 24),
                Bhs.i32(b, 28), Bhs.i32(b, 32), Bhs.i32(b, 36), Bhs.i32(b, 40), Bhs.i32(b, 44));
    }
}
