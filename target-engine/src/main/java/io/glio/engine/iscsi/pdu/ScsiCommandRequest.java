package io.glio.engine.iscsi.pdu;

import java.nio.ByteBuffer;

/**
 * SCSI Command (RFC 7143 §11.3).
 * <pre>
 * Byte/     0       |       1       |       2       |       3       |
 *   0|.|I| 0x01      |F|R|W|.|.|ATTR | Reserved                      |
 *   4|TotalAHSLength | DataSegmentLength                             |
 *   8| Logical Unit Number (LUN)                                     |
 *  16| Initiator Task Tag                                            |
 *  20| Expected Data Transfer Length                                 |
 *  24| CmdSN                                                         |
 *  28| ExpStatSN                                                     |
 *  32/ SCSI Command Descriptor Block (CDB), 16 bytes                 /
 *  48/ AHS (extended CDB, type 1), Header-Digest                     /
 *    / DataSegment - immediate data, Data-Digest                     /
 * </pre>
 *
 * @param cdb the full CDB: 16 header bytes plus an extended CDB AHS when present
 */
public record ScsiCommandRequest(boolean immediate, boolean fin, boolean read, boolean write,
                                 int attribute, long lunField, int initiatorTaskTag,
                                 int expectedDataTransferLength, int cmdSn, int expStatSn,
                                 byte[] cdb, ByteBuffer immediateData) {

    public static final int READ = 0x40;
    public static final int WRITE = 0x20;
    private static final int AHS_EXTENDED_CDB = 1;

    /**
     * @throws PduFieldException for an AHS other than an extended CDB (RFC 7143 §11.2.2.3)
     */
    public static ScsiCommandRequest decode(RawPdu p) throws PduFieldException {
        byte[] b = p.bhs();
        int f = Bhs.flags(b);
        byte[] cdb = extendedCdb(p.ahs(), b);
        return new ScsiCommandRequest(p.immediate(), (f & Bhs.FINAL) != 0, (f & READ) != 0,
                (f & WRITE) != 0, f & 7, Bhs.i64(b, 8), Bhs.i32(b, 16), Bhs.i32(b, 20),
                Bhs.i32(b, 24), Bhs.i32(b, 28), cdb, p.data().duplicate());
    }

    /** AHS layout: AHSLength(2) AHSType(1) reserved(1) then ExtendedCDB bytes. */
    private static byte[] extendedCdb(byte[] ahs, byte[] bhs) throws PduFieldException {
        byte[] header = java.util.Arrays.copyOfRange(bhs, 32, 48);
        if (ahs.length == 0) {
            return header;
        }
        int ahsLength = Bhs.u16(ahs, 0);
        int type = Bhs.u8(ahs, 2);
        if (type != AHS_EXTENDED_CDB || ahsLength < 2 || 3 + ahsLength > ahs.length) {
            throw new PduFieldException(RejectReason.COMMAND_NOT_SUPPORTED,
                    "unsupported AHS type " + type + " length " + ahsLength);
        }
        int extra = ahsLength - 1;
        byte[] cdb = new byte[16 + extra];
        System.arraycopy(header, 0, cdb, 0, 16);
        System.arraycopy(ahs, 4, cdb, 16, extra);
        return cdb;
    }

    public RawPdu encode() {
        byte[] b = Bhs.create(Opcode.SCSI_COMMAND, immediate);
        b[1] = (byte) ((fin ? Bhs.FINAL : 0) | (read ? READ : 0) | (write ? WRITE : 0) | (attribute & 7));
        Bhs.put64(b, 8, lunField);
        Bhs.put32(b, 16, initiatorTaskTag);
        Bhs.put32(b, 20, expectedDataTransferLength);
        Bhs.put32(b, 24, cmdSn);
        Bhs.put32(b, 28, expStatSn);
        System.arraycopy(cdb, 0, b, 32, Math.min(16, cdb.length));
        return RawPdu.of(b, immediateData);
    }
}
