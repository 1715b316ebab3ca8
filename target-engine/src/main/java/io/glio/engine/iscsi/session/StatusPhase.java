package io.glio.engine.iscsi.session;

import io.glio.engine.iscsi.login.SessionParameters;
import io.glio.engine.iscsi.pdu.DataIn;
import io.glio.engine.iscsi.pdu.RawPdu;
import io.glio.engine.iscsi.pdu.ScsiResponse;
import io.glio.engine.scsi.ScsiCompletion;

import java.util.ArrayList;
import java.util.List;

/**
 * The PDUs that end a command: its read data as Data-In PDUs (each at most the initiator's
 * MaxRecvDataSegmentLength, F at every MaxBurstLength boundary, RFC 7143 §11.7) and its status,
 * collapsed into the last Data-In when GOOD without sense (§11.7.4), else a SCSI Response
 * (§11.4). Residuals compare what the CDB asked to move with the Expected Data Transfer Length.
 * The read data itself is not copied here: each Data-In frame names the range of the command's
 * read buffer it carries, and the connection sends a slice of that buffer behind its header.
 */
final class StatusPhase {

    /** Where the numbers come from: one StatSN is used by the status. */
    record Numbers(int statSn, int expCmdSn, int maxCmdSn) {
    }

    /**
     * One PDU: its header (with an empty data segment; the encoder fills in DataSegmentLength)
     * and the range [dataOffset, dataOffset + dataLength) of the read buffer that is its data.
     */
    record Frame(RawPdu header, int dataOffset, int dataLength) {
    }

    private StatusPhase() {
    }

    /**
     * @param edtl       the command's Expected Data Transfer Length (unsigned)
     * @param readBuffer bytes of read buffer the command has (0 when it has none)
     * @param r2tCount   R2Ts sent for the command (they count in ExpDataSN)
     */
    static List<Frame> frames(int itt, long edtl, int readBuffer, int r2tCount, ScsiCompletion c,
                              SessionParameters params, Numbers n) {
        long transfer = Math.max(0, c.transferLength());
        boolean overflow = transfer > edtl;
        boolean underflow = transfer < edtl;
        int residual = (int) Math.min(Math.abs(transfer - edtl), 0xffffffffL);
        int dataLength = (int) Math.max(0, Math.min(Math.min(c.dataInLength(), edtl), readBuffer));
        boolean collapse = c.status() == ScsiCompletion.GOOD && c.senseData().length == 0 && dataLength > 0;
        List<Frame> out = new ArrayList<>();
        int dataSn = 0;
        int burst = params.maxBurstLength();
        for (int offset = 0; offset < dataLength; ) {
            int size = Math.min(Math.min(params.initiatorMaxRecvDataSegment(), dataLength - offset),
                    burst - offset % burst);
            boolean last = offset + size == dataLength;
            boolean status = last && collapse;
            RawPdu header = new DataIn(last || (offset + size) % burst == 0, status, status && overflow,
                    status && underflow, c.status(), 0, itt, n.statSn(), n.expCmdSn(), n.maxCmdSn(), dataSn++,
                    offset, status ? residual : 0, null).encode();
            out.add(new Frame(header, offset, size));
            offset += size;
        }
        if (!collapse) {
            out.add(new Frame(new ScsiResponse(overflow, underflow, 0, c.status(), itt, n.statSn(), n.expCmdSn(),
                    n.maxCmdSn(), dataSn + r2tCount, residual, c.senseData()).encode(), 0, 0));
        }
        return out;
    }
}
