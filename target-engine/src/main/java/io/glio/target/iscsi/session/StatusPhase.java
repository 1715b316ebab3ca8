package io.glio.target.iscsi.session;

import io.glio.target.iscsi.login.SessionParameters;
import io.glio.target.iscsi.pdu.DataIn;
import io.glio.target.iscsi.pdu.RawPdu;
import io.glio.target.iscsi.pdu.ScsiResponse;
import io.glio.target.scsi.ScsiCompletion;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The PDUs that end a command: its read data as Data-In PDUs (each at most the initiator's
 * MaxRecvDataSegmentLength, F at every MaxBurstLength boundary, RFC 7143 §11.7) and its status,
 * collapsed into the last Data-In when GOOD without sense (§11.7.4), else a SCSI Response
 * (§11.4). Residuals compare what the CDB asked to move with the Expected Data Transfer Length.
 */
final class StatusPhase {

    /** Where the numbers come from: one StatSN is used by the status. */
    record Numbers(int statSn, int expCmdSn, int maxCmdSn) {
    }

    private StatusPhase() {
    }

    /**
     * @param edtl       the command's Expected Data Transfer Length (unsigned)
     * @param dataIn     the read data (from position 0), or null
     * @param r2tCount   R2Ts sent for the command (they count in ExpDataSN)
     */
    static List<RawPdu> pdus(int itt, long edtl, ByteBuffer dataIn, int r2tCount, ScsiCompletion c,
                             SessionParameters params, Numbers n) {
        long transfer = Math.max(0, c.transferLength());
        boolean overflow = transfer > edtl;
        boolean underflow = transfer < edtl;
        int residual = (int) Math.min(Math.abs(transfer - edtl), 0xffffffffL);
        int dataLength = dataIn == null ? 0 : (int) Math.max(0, Math.min(c.dataInLength(), edtl));
        boolean collapse = c.status() == ScsiCompletion.GOOD && c.senseData().length == 0 && dataLength > 0;
        List<RawPdu> out = new ArrayList<>();
        int dataSn = 0;
        int burst = params.maxBurstLength();
        for (int offset = 0; offset < dataLength; ) {
            int size = Math.min(Math.min(params.initiatorMaxRecvDataSegment(), dataLength - offset),
                    burst - offset % burst);
            boolean last = offset + size == dataLength;
            boolean status = last && collapse;
            ByteBuffer slice = dataIn.duplicate().position(offset).limit(offset + size).slice();
            out.add(new DataIn(last || (offset + size) % burst == 0, status, status && overflow,
                    status && underflow, c.status(), 0, itt, n.statSn(), n.expCmdSn(), n.maxCmdSn(), dataSn++,
                    offset, status ? residual : 0, slice).encode());
            offset += size;
        }
        if (!collapse) {
            out.add(new ScsiResponse(overflow, underflow, 0, c.status(), itt, n.statSn(), n.expCmdSn(),
                    n.maxCmdSn(), dataSn + r2tCount, residual, c.senseData()).encode());
        }
        return out;
    }
}
