package io.glio.engine.iscsi.pdu;

/**
 * Reject (RFC 7143 §11.17). The data segment is the complete header of the rejected PDU.
 * <pre>
 * Byte/     0       |       1       |       2       |       3       |
 *   0|.|.| 0x3f      |1| Reserved    | Reason        | Reserved      |
 *   4|TotalAHSLength | DataSegmentLength                             |
 *   8/ Reserved                                                      /
 *  16| 0xffffffff                                                    |
 *  20| Reserved                                                      |
 *  24| StatSN                                                        |
 *  28| ExpCmdSN                                                      |
 *  32| MaxCmdSN                                                      |
 *  36| DataSN/R2TSN or Reserved                                      |
 *  40/ Reserved                                                      /
 *  48| DataSegment: header of the rejected PDU                       |
 * </pre>
 */
public record Reject(RejectReason reason, int statSn, int expCmdSn, int maxCmdSn, byte[] rejectedHeader) {

    public RawPdu encode() {
        byte[] b = Bhs.create(Opcode.REJECT, false);
        b[1] = (byte) Bhs.FINAL;
        Bhs.put8(b, 2, reason.code());
        Bhs.put32(b, 16, Bhs.RESERVED_TAG);
        Bhs.put32(b, 24, statSn);
        Bhs.put32(b, 28, expCmdSn);
        Bhs.put32(b, 32, maxCmdSn);
        return RawPdu.of(b, rejectedHeader);
    }

    /** The reason code of a received Reject PDU. */
    public static int reasonCode(RawPdu p) {
        return Bhs.u8(p.bhs(), 2);
    }
}
