package io.glio.engine.iscsi.session;

import io.glio.engine.iscsi.pdu.ScsiCommandRequest;
import io.glio.engine.scsi.ScsiCompletion;
import io.netty.buffer.ByteBuf;

/**
 * One SCSI command on a connection, from its SCSI Command PDU to its response: its write data
 * ({@link DataOutAssembly}, which owns the Data-Out buffer) and its read buffer (owned here),
 * both released by {@link #release()}.
 */
final class ScsiTask {

    final ScsiCommandRequest request;
    final long lun;
    final int itt;
    final int edtl;
    final boolean immediate;
    /** Answered by the transport without running (EDTL over the limit, no buffer space), or null. */
    final ScsiCompletion localAnswer;
    /** Bytes of the connection's buffer budget this task holds. */
    int reserved;

    /** The write data being assembled; null unless {@link #writing()}, and once released. */
    DataOutAssembly write;
    ByteBuf dataIn;
    boolean sequenced;
    boolean submitted;
    boolean aborted;

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

    /** Whether all the data the task will get has arrived (after a DataSN gap: the outstanding bursts). */
    boolean dataComplete() {
        return write == null || write.complete();
    }

    /** R2Ts sent for this task (the SCSI Response's ExpDataSN counts them). */
    int r2tCount() {
        return write == null ? 0 : write.r2tCount();
    }

    /** Releases the buffers this task owns; safe to call twice. */
    void release() {
        if (write != null) {
            write.release();
        }
        if (dataIn != null) {
            dataIn.release();
            dataIn = null;
        }
    }
}
