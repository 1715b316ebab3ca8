package io.glio.engine.iscsi.pdu;

/**
 * Login Request (RFC 7143 §11.12).
 * <pre>
 * Byte/     0       |       1       |       2       |       3       |
 *   0|.|1| 0x03      |T|C|.|.|CSG|NSG| Version-max   | Version-min   |
 *   4|TotalAHSLength | DataSegmentLength                             |
 *   8| ISID                                                          |
 *  12|                               | TSIH                          |
 *  16| Initiator Task Tag                                            |
 *  20| CID                           | Reserved                      |
 *  24| CmdSN                                                         |
 *  28| ExpStatSN                                                     |
 *  32/ Reserved (16 bytes)                                           /
 *  48| DataSegment - login parameters in text request format         |
 * </pre>
 */
public record LoginRequest(boolean transit, boolean cont, int csg, int nsg, int versionMax,
                           int versionMin, long isid, int tsih, int initiatorTaskTag, int cid,
                           int cmdSn, int expStatSn, byte[] data) {

    public static final int TRANSIT = 0x80;
    public static final int CONTINUE = 0x40;

    public static LoginRequest decode(RawPdu p) {
        byte[] b = p.bhs();
        int f = Bhs.flags(b);
        return new LoginRequest((f & TRANSIT) != 0, (f & CONTINUE) != 0, (f >> 2) & 3, f & 3,
                Bhs.u8(b, 2), Bhs.u8(b, 3), Bhs.i64(b, 8) >>> 16, Bhs.u16(b, 14),
                Bhs.i32(b, 16), Bhs.u16(b, 20), Bhs.i32(b, 24), Bhs.i32(b, 28), p.dataBytes());
    }

    public RawPdu encode() {
        byte[] b = Bhs.create(Opcode.LOGIN_REQUEST, true);
        b[1] = (byte) ((transit ? TRANSIT : 0) | (cont ? CONTINUE : 0) | (csg & 3) << 2 | (nsg & 3));
        Bhs.put8(b, 2, versionMax);
        Bhs.put8(b, 3, versionMin);
        Bhs.put64(b, 8, isid << 16 | (tsih & 0xffff));
        Bhs.put32(b, 16, initiatorTaskTag);
        Bhs.put16(b, 20, cid);
        Bhs.put32(b, 24, cmdSn);
        Bhs.put32(b, 28, expStatSn);
        return RawPdu.of(b, data);
    }
}
