package io.glio.engine.iscsi.session;

import io.glio.engine.iscsi.login.SessionParameters;
import io.glio.engine.iscsi.pdu.Bhs;
import io.glio.engine.iscsi.pdu.DataOut;
import io.glio.engine.iscsi.pdu.PduFieldException;
import io.glio.engine.iscsi.pdu.RejectReason;
import io.netty.buffer.ByteBuf;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The write data of one SCSI command (RFC 7143 §4.2.2.3, §11.7): the Data-Out buffer of EDTL
 * bytes it owns and releases, the unsolicited data (immediate data and Data-Out up to
 * FirstBurstLength, §13.14) and the R2T bursts (at most MaxOutstandingR2T, each at most
 * MaxBurstLength, §13.13, §13.17), with their DataSN sequences (§11.7.5).
 *
 * <p>{@link #judge} is the one rule saying whether a Data-Out's data is accepted. The parser's
 * in-place placement ({@link #placementWindow}) and the Data-Out handler ({@link #receive}) both
 * ask it, so data is placed exactly when the handler would take it as it is. For the SCSI
 * Command's immediate data the one rule is {@link #commandFieldError}.
 */
final class DataOutAssembly {

    /** What {@link #judge} decided about a Data-Out, and so what the connection does with it. */
    enum Verdict {
        /** In order: the data belongs at its offset. The only verdict whose data may be placed. */
        ACCEPT,
        /**
         * In place, but its DataSN is not the next one (§7.2): the target missed one, so this and
         * all later data is discarded and the command ends with PROTOCOL SERVICE CRC ERROR once
         * its outstanding bursts are in (§7.1.1 option b, ErrorRecoveryLevel 0).
         */
        DATASN_GAP,
        /** In place after an earlier DataSN gap: counted and discarded. */
        DISCARDED,
        /** Another command's ITT, or no data: dropped without an answer, as LIO does. */
        IGNORED,
        /** Buffer Offset + length beyond EDTL: Reject, Invalid PDU Field. */
        BEYOND_EDTL,
        /** A TTT of no outstanding R2T: Reject, Invalid PDU Field. */
        UNKNOWN_TTT,
        /** Unsolicited data under InitialR2T=Yes or after the F bit ended it: the connection ends. */
        UNSOLICITED_NOT_ALLOWED,
        /** Unsolicited data not at the next offset or beyond FirstBurstLength: the connection ends. */
        UNSOLICITED_OUT_OF_ORDER,
        /**
         * Solicited data not at the next offset of its burst, or beyond the R2T's length (so
         * beyond MaxBurstLength): with DataPDUInOrder=Yes and no recovery R2T at
         * ErrorRecoveryLevel 0 the connection ends (§7.1.1, LIO
         * iscsit_dataout_pre_datapduinorder_yes).
         */
        BURST_OUT_OF_ORDER;

        /** Whether the PDU's data counts as received (taken, or discarded after a DataSN gap). */
        boolean taken() {
            return this == ACCEPT || this == DATASN_GAP || this == DISCARDED;
        }
    }

    /** One R2T: the burst [offset, offset+length) and how far it has arrived. */
    static final class Burst {
        final int r2tSn;
        final int offset;
        final int length;
        int nextOffset;
        int nextDataSn;

        Burst(int r2tSn, int offset, int length) {
            this.r2tSn = r2tSn;
            this.offset = offset;
            this.length = length;
            this.nextOffset = offset;
        }

        boolean complete() {
            return nextOffset == offset + length;
        }
    }

    private final int itt;
    private final int edtl;
    private final SessionParameters params;
    private ByteBuf buffer;
    private int received;
    /** End of the unsolicited data; -1 while unsolicited Data-Out may still come. */
    private int unsolicitedEnd = -1;
    private int unsolicitedDataSn;
    private int nextR2tOffset;
    private int r2tSn;
    private final Map<Integer, Burst> bursts = new LinkedHashMap<>();
    private boolean sequenceError;

    /**
     * @param buffer    EDTL bytes, its first {@code immediate} bytes the command's immediate data;
     *                  owned by this assembly from now on
     * @param fin       the SCSI Command's F bit: no unsolicited Data-Out follows
     */
    DataOutAssembly(int itt, int edtl, ByteBuf buffer, int immediate, boolean fin, SessionParameters params) {
        this.itt = itt;
        this.edtl = edtl;
        this.params = params;
        this.buffer = buffer;
        this.received = immediate;
        if (params.initialR2T() || fin) {
            unsolicitedEnd = immediate;
        }
    }

    /**
     * The SCSI Command field checks that concern its data (RFC 7143 §11.3, LIO
     * iscsit_setup_scsi_cmd), for both the placement of its immediate data and its handler.
     *
     * @return the violation, or null when the command is well formed
     */
    static PduFieldException commandFieldError(boolean read, boolean write, boolean fin, int edtl, int immediate,
                                               SessionParameters params) {
        if (read && write) {
            return new PduFieldException(RejectReason.INVALID_PDU_FIELD, "bidirectional commands are not supported");
        }
        if (!write && !fin) {
            return new PduFieldException(RejectReason.INVALID_PDU_FIELD, "F bit clear on a command without write data");
        }
        if (edtl != 0 && !read && !write) {
            return new PduFieldException(RejectReason.INVALID_PDU_FIELD,
                    "EDTL " + Integer.toUnsignedString(edtl) + " with neither R nor W");
        }
        if (immediate == 0) {
            return null;
        }
        if (!write) {
            return new PduFieldException(RejectReason.PROTOCOL_ERROR, "immediate data on a command without W");
        }
        if (!params.immediateData()) {
            return new PduFieldException(RejectReason.PROTOCOL_ERROR, "immediate data while ImmediateData=No");
        }
        if (Integer.compareUnsigned(immediate, edtl) > 0) {
            return new PduFieldException(RejectReason.PROTOCOL_ERROR,
                    "immediate data " + immediate + " exceeds EDTL " + Integer.toUnsignedString(edtl));
        }
        if (immediate > params.firstBurstLength()) {
            return new PduFieldException(RejectReason.INVALID_PDU_FIELD,
                    "immediate data " + immediate + " exceeds FirstBurstLength " + params.firstBurstLength());
        }
        if (immediate == edtl && !fin) {
            return new PduFieldException(RejectReason.PROTOCOL_ERROR, "all data immediate but F bit clear");
        }
        return null;
    }

    /** What {@link #receive} would do with a Data-Out of these header fields. */
    Verdict verdict(int itt, int ttt, int dataSn, int offset, int length) {
        return judge(itt, ttt, burst(ttt), dataSn, offset, length);
    }

    /**
     * Where the parser may receive a Data-Out's data segment straight into this command's
     * buffer: its range when {@link #judge} accepts the PDU as it is, else null (the parser
     * buffers it and {@link #receive} answers it).
     */
    ByteBuffer placementWindow(int itt, int ttt, int dataSn, int offset, int length) {
        if (buffer == null || buffer.nioBufferCount() != 1
                || judge(itt, ttt, burst(ttt), dataSn, offset, length) != Verdict.ACCEPT) {
            return null;
        }
        return buffer.nioBuffer(offset, length);
    }

    /**
     * Takes a Data-Out into the assembly when {@link #judge} says so; its data is copied unless
     * it was received in place, and dropped after a DataSN gap.
     */
    Verdict receive(DataOut d, boolean inPlace) {
        int ttt = d.targetTransferTag();
        int length = d.data().remaining();
        Burst burst = burst(ttt);
        Verdict v = judge(d.initiatorTaskTag(), ttt, burst, d.dataSn(), d.bufferOffset(), length);
        if (!v.taken()) {
            return v;
        }
        if (v == Verdict.DATASN_GAP) {
            sequenceError = true;
        } else if (v == Verdict.ACCEPT && !inPlace) {
            buffer.setBytes(d.bufferOffset(), d.data().duplicate());
        }
        received += length;
        int end = d.bufferOffset() + length;
        if (burst == null) {
            unsolicitedDataSn++;
            if (d.fin()) {
                unsolicitedEnd = end;
            }
        } else {
            burst.nextOffset = end;
            burst.nextDataSn++;
            if (burst.complete()) {
                bursts.remove(ttt);
            }
        }
        return v;
    }

    /** The acceptance rule, {@code burst} being the one {@code ttt} names (null if none). */
    private Verdict judge(int itt, int ttt, Burst burst, int dataSn, int offset, int length) {
        if (itt != this.itt || length == 0) {
            return Verdict.IGNORED;
        }
        long end = (offset & 0xffffffffL) + length;
        if (end > edtl) {
            return Verdict.BEYOND_EDTL;
        }
        int expectedDataSn;
        if (ttt == Bhs.RESERVED_TAG) {
            if (params.initialR2T() || unsolicitedEnd >= 0) {
                return Verdict.UNSOLICITED_NOT_ALLOWED;
            }
            if (offset != received || end > Math.min(params.firstBurstLength(), edtl)) {
                return Verdict.UNSOLICITED_OUT_OF_ORDER;
            }
            expectedDataSn = unsolicitedDataSn;
        } else {
            if (burst == null) {
                return Verdict.UNKNOWN_TTT;
            }
            if (offset != burst.nextOffset || end > burst.offset + burst.length) {
                return Verdict.BURST_OUT_OF_ORDER;
            }
            expectedDataSn = burst.nextDataSn;
        }
        if (sequenceError) {
            return Verdict.DISCARDED;
        }
        return dataSn == expectedDataSn ? Verdict.ACCEPT : Verdict.DATASN_GAP;
    }

    private Burst burst(int ttt) {
        return ttt == Bhs.RESERVED_TAG ? null : bursts.get(ttt);
    }

    /**
     * Whether another R2T may go out (§4.2.2.3): the unsolicited data has ended, no DataSN gap
     * stopped the command, fewer than MaxOutstandingR2T are outstanding and data is still missing.
     */
    boolean mayOpenBurst() {
        return unsolicitedEnd >= 0 && !sequenceError && bursts.size() < params.maxOutstandingR2T()
                && Math.max(nextR2tOffset, unsolicitedEnd) < edtl;
    }

    /** Opens the next burst, at most MaxBurstLength, under Target Transfer Tag {@code ttt}. */
    Burst openBurst(int ttt) {
        nextR2tOffset = Math.max(nextR2tOffset, unsolicitedEnd);
        Burst burst = new Burst(r2tSn++, nextR2tOffset, Math.min(params.maxBurstLength(), edtl - nextR2tOffset));
        bursts.put(ttt, burst);
        nextR2tOffset += burst.length;
        return burst;
    }

    /** Whether all the data the command will get has arrived (after a DataSN gap: the outstanding bursts). */
    boolean complete() {
        return sequenceError ? unsolicitedEnd >= 0 && bursts.isEmpty() : received == edtl;
    }

    /** Whether a DataSN gap means the command ends with PROTOCOL SERVICE CRC ERROR. */
    boolean sequenceError() {
        return sequenceError;
    }

    /** R2Ts sent so far: the SCSI Response's ExpDataSN counts them (§11.4.8). */
    int r2tCount() {
        return r2tSn;
    }

    /** Bytes received or discarded so far, immediate data included. */
    int received() {
        return received;
    }

    /** The assembled data, EDTL bytes (valid once {@link #complete()}); still owned by this assembly. */
    ByteBuffer data() {
        return buffer.nioBuffer(0, edtl);
    }

    /** Releases the buffer; safe to call twice. */
    void release() {
        if (buffer != null) {
            buffer.release();
            buffer = null;
        }
    }
}
