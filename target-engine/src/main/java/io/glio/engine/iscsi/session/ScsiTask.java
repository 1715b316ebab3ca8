package io.glio.engine.iscsi.session;

import io.glio.engine.iscsi.pdu.ScsiCommandRequest;
import io.glio.engine.scsi.ScsiCompletion;
import io.netty.buffer.ByteBuf;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One SCSI command on a connection, from its SCSI Command PDU to its response: the Data-Out
 * buffer it assembles (one buffer of EDTL bytes; this task owns it and releases it), the R2T
 * bursts in flight (RFC 7143 §4.2.2.3, MaxOutstandingR2T / MaxBurstLength) and the read buffer.
 */
final class ScsiTask {

    /** One R2T: the burst [offset, offset+length) and how far it has arrived. */
    static final class Burst {
        final int offset;
        final int length;
        int nextOffset;
        int nextDataSn;

        Burst(int offset, int length) {
            this.offset = offset;
            this.length = length;
            this.nextOffset = offset;
        }

        boolean complete() {
            return nextOffset == offset + length;
        }
    }

    final ScsiCommandRequest request;
    final long lun;
    final int itt;
    final int edtl;
    final boolean immediate;
    /** Answered by the transport without running (EDTL over the limit, no buffer space), or null. */
    final ScsiCompletion localAnswer;
    /** Bytes of the connection's buffer budget this task holds. */
    int reserved;

    ByteBuf dataOut;
    ByteBuf dataIn;
    int received;
    /** End of the unsolicited data; -1 while unsolicited Data-Out may still come. */
    int unsolicitedEnd = -1;
    int unsolicitedDataSn;
    int nextR2tOffset;
    int r2tSn;
    final Map<Integer, Burst> bursts = new LinkedHashMap<>();
    boolean sequenced;
    boolean submitted;
    boolean aborted;
    /**
     * A Data-Out arrived with a DataSN out of order: its data and all that follows are discarded,
     * no further R2T is sent, and the task ends with a CHECK CONDITION once the outstanding
     * bursts are in (RFC 7143 §7.1.1 option b, at ErrorRecoveryLevel 0).
     */
    boolean dataSequenceError;

    ScsiTask(ScsiCommandRequest request, long lun, ScsiCompletion localAnswer) {
        this.request = request;
        this.lun = lun;
        this.itt = request.initiatorTaskTag();
        this.edtl = request.expectedDataTransferLength();
        this.immediate = request.immediate();
        this.localAnswer = localAnswer;
    }

    boolean writing() {
        return request.write() && edtl > 0 && localAnswer == null;
    }

    /** Whether all the data the task will get has arrived (after a sequence error: the outstanding bursts). */
    boolean dataComplete() {
        if (!writing()) {
            return true;
        }
        return dataSequenceError ? unsolicitedEnd >= 0 && bursts.isEmpty() : received == edtl;
    }

    /** Releases the buffers this task owns; safe to call twice. */
    void release() {
        if (dataOut != null) {
            dataOut.release();
            dataOut = null;
        }
        if (dataIn != null) {
            dataIn.release();
            dataIn = null;
        }
    }
}
