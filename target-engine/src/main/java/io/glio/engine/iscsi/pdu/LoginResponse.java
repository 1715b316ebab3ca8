package io.glio.engine.iscsi.pdu;

/**
 * Login Response (RFC 7143 §11.13).
 * <pre>
 * Byte/     0       |       1       |       2       |       3       |
 *   0|.|.| 0x23      |T|C|.|.|CSG|NSG| Version-max   | Version-active|
 *   4|TotalAHSLength | DataSegmentLength                             |
 *   8| ISID                                                          |
 *  12|                               | TSIH                          |
 *  16| Initiator Task Tag                                            |
 *  20| Reserved                                                      |
 *  24| StatSN                                                        |
 *  28| ExpCmdSN                                                      |
 *  32| MaxCmdSN                                                      |
 *  36| Status-Class  | Status-Detail | Reserved                      |
 *  40/ Reserved                                                      /
 *  48| DataSegment - login parameters in text request format         |
 * </pre>
 */
public record LoginResponse(boolean transit, boolean cont, int csg, int nsg, long isid, int tsih,
                            int initiatorTaskTag, int statSn, int expCmdSn, int maxCmdSn,
                            int statusClass, int statusDetail, byte[] data) {

    public RawPdu encode() {
        byte[] b = Bhs.create(Opcode.LOGIN_RESPONSE, false);
        b[1] = (byte) ((transit ? LoginRequest.TRANSIT : 0) | (cont ? LoginRequest.CONTINUE : 0)
                | (csg & 3) << 2 | (nsg & 3));
        Bhs.put64(b, 8, isid << 16 | (tsih & 0xffff));
        Bhs.put32(b, 16, initiatorTaskTag);
        Bhs.put32(b, 24, statSn);
        Bhs.put32(b, 28, expCmdSn);
        Bhs.put32(b, 32, maxCmdSn);
        Bhs.put8(b, 36, statusClass);
        Bhs.put8(b, 37, statusDetail);
        return RawPdu.of(b, data);
    }

    public static LoginResponse decode(RawPdu p) {
        byte[] b = p.bhs();
        int f = Bhs.flags(b);
        return new LoginResponse((f & LoginRequest.TRANSIT) != 0, (f & LoginRequest.CONTINUE) != 0,
                (f >> 2) & 3, f & 3, Bhs.i64(b, 8) >>> 16, Bhs.u16(b, 14), Bhs.i32(b, 16),
                Bhs.i32(b, 24), Bhs.i32(b, 28), Bhs.i32(b, 32), Bhs.u8(b, 36), Bhs.u8(b, 37),
                p.dataBytes());
    }
}
