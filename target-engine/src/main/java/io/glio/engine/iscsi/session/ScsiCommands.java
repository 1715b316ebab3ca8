package io.glio.engine.iscsi.session;

import io.glio.engine.iscsi.login.SessionParameters;
import io.glio.engine.iscsi.pdu.DataOut;
import io.glio.engine.iscsi.pdu.Lun;
import io.glio.engine.iscsi.pdu.PduFieldException;
import io.glio.engine.iscsi.pdu.RawPdu;
import io.glio.engine.iscsi.pdu.ReadyToTransfer;
import io.glio.engine.iscsi.pdu.RejectReason;
import io.glio.engine.iscsi.pdu.ScsiCommandRequest;
import io.glio.engine.scsi.ScsiCommand;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.TaskAttribute;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The SCSI commands of one connection (RFC 7143 §11.3, §11.4, §11.7, §11.8): tasks by ITT, the
 * connection's buffer budget, SCSI Command and Data-Out PDUs, R2Ts, submission to the session's
 * {@link io.glio.engine.scsi.ScsiTaskExecutor} and the Data-In and SCSI Response of each command.
 * Runs on the connection's event loop; completions hop back onto it.
 */
final class ScsiCommands {

    private static final Logger log = LoggerFactory.getLogger(IscsiConnection.class);

    private final IscsiConnection conn;
    private final ConnectionOutput out;
    private final ChannelHandlerContext ctx;
    private final Session session;
    private final SessionParameters params;
    private final WritePlacement placement;
    private final Map<Integer, ScsiTask> tasks = new HashMap<>();
    private long reservedBytes;
    /** While onScsiCommand runs: the placed buffer holding its immediate data, if any. */
    private ByteBuf commandData;

    ScsiCommands(IscsiConnection conn, ConnectionOutput out, ChannelHandlerContext ctx, Session session,
                 SessionParameters params) {
        this.conn = conn;
        this.out = out;
        this.ctx = ctx;
        this.session = session;
        this.params = params;
        this.placement = new WritePlacement(this, params, ctx.alloc());
    }

    /** Receives write data in place for these commands (see {@link WritePlacement}). */
    WritePlacement placement() {
        return placement;
    }

    /** Whether commands may come: the connection is in full feature phase of a normal session. */
    boolean accepting() {
        return conn.fullFeature() && !session.discovery();
    }

    /** The write data a Data-Out for {@code itt} would go to: of a known, writing, unsubmitted task. */
    DataOutAssembly writeOf(int itt) {
        return writeOf(tasks.get(itt));
    }

    private static DataOutAssembly writeOf(ScsiTask task) {
        return task == null || task.submitted ? null : task.write;
    }

    /** Whether a new command of {@code edtl} bytes under {@code itt} gets a buffer (see {@link #startCommand}). */
    boolean mayBuffer(int itt, long edtl) {
        return edtl <= IscsiConnection.MAX_TRANSFER_LENGTH
                && reservedBytes + edtl <= IscsiConnection.CONNECTION_BUFFER_BUDGET && !tasks.containsKey(itt);
    }

    ScsiTask task(int itt) {
        return tasks.get(itt);
    }

    /** The tasks of one LU, as a copy (task management changes the table while going through them). */
    List<ScsiTask> tasksOf(long lun) {
        List<ScsiTask> found = new ArrayList<>();
        for (ScsiTask task : tasks.values()) {
            if (task.lun == lun) {
                found.add(task);
            }
        }
        return found;
    }

    void onScsiCommand(RawPdu pdu) {
        commandData = placement.takeCommandBuffer(pdu);
        try {
            startCommand(pdu);
        } finally {
            if (commandData != null) {
                commandData.release();
                commandData = null;
            }
        }
    }

    private void startCommand(RawPdu pdu) {
        if (session.discovery()) {
            out.reject(RejectReason.PROTOCOL_ERROR, pdu.bhs());
            return;
        }
        ScsiCommandRequest c;
        try {
            c = ScsiCommandRequest.decode(pdu);
            checkCommand(c);
        } catch (PduFieldException e) {
            log.debug("{}: SCSI command rejected: {}", conn, e.getMessage());
            out.rejectCommand(pdu, e.reason());
            return;
        }
        if (tasks.containsKey(c.initiatorTaskTag())) {
            out.rejectCommand(pdu, RejectReason.TASK_IN_PROGRESS);
            return;
        }
        ScsiTask task = newTask(c);
        tasks.put(task.itt, task);
        if (out.sequenced(c.immediate(), c.cmdSn(), () -> onSequenced(task)) == CommandWindow.Admission.OUT_OF_WINDOW) {
            tasks.remove(task.itt);
            finish(task);
        }
    }

    /** SCSI Command field checks (RFC 7143 §11.3): the rule placement applies to its immediate data too. */
    private void checkCommand(ScsiCommandRequest c) throws PduFieldException {
        PduFieldException e = DataOutAssembly.commandFieldError(c.read(), c.write(), c.fin(),
                c.expectedDataTransferLength(), c.immediateData().remaining(), params);
        if (e != null) {
            throw e;
        }
    }

    /** A task for {@code c}, with its buffer reserved and its immediate data in it. */
    private ScsiTask newTask(ScsiCommandRequest c) {
        long edtl = c.expectedDataTransferLength() & 0xffffffffL;
        ScsiCompletion answer = null;
        if (edtl > IscsiConnection.MAX_TRANSFER_LENGTH) {
            answer = ScsiCompletion.checkCondition(Sense.invalidFieldInCommandInformationUnit());
        } else if (reservedBytes + edtl > IscsiConnection.CONNECTION_BUFFER_BUDGET) {
            log.debug("{}: {} bytes buffered, command of {} answered TASK SET FULL", conn, reservedBytes, edtl);
            answer = ScsiCompletion.status(ScsiCompletion.TASK_SET_FULL);
        }
        ScsiTask task = new ScsiTask(c, Lun.decode(c.lunField()), answer);
        if (answer == null) {
            task.reserved = (int) edtl;
            reservedBytes += edtl;
        }
        if (task.writing()) {
            ByteBuf buffer = commandData;
            commandData = null;
            if (buffer == null) {
                buffer = ctx.alloc().buffer(task.edtl);
                buffer.setBytes(0, c.immediateData().duplicate());
            } // else received in place (WritePlacement): the buffer becomes the task's
            task.write = new DataOutAssembly(task.itt, task.edtl, buffer, c.immediateData().remaining(), c.fin(),
                    params);
        }
        return task;
    }

    private void onSequenced(ScsiTask task) {
        if (task.aborted) {
            out.responded(task.immediate);
            return;
        }
        task.sequenced = true;
        startBursts(task);
        trySubmit(task);
    }

    /** Sends R2Ts up to MaxOutstandingR2T, each for at most MaxBurstLength (RFC 7143 §4.2.2.3). */
    private void startBursts(ScsiTask task) {
        DataOutAssembly write = task.write;
        if (write == null || !task.sequenced) {
            return;
        }
        CommandWindow window = out.window();
        while (write.mayOpenBurst()) {
            int ttt = out.nextTtt();
            DataOutAssembly.Burst b = write.openBurst(ttt);
            out.send(new ReadyToTransfer(task.request.lunField(), task.itt, ttt, out.statSn(), window.expCmdSn(),
                    window.maxCmdSn(), b.r2tSn, b.offset, b.length).encode());
        }
    }

    void onDataOut(RawPdu pdu) {
        boolean inPlace = placement.placed(pdu);
        if (session.discovery()) {
            out.reject(RejectReason.PROTOCOL_ERROR, pdu.bhs());
            return;
        }
        DataOut d = DataOut.decode(pdu);
        ScsiTask task = tasks.get(d.initiatorTaskTag());
        DataOutAssembly write = writeOf(task);
        if (write == null) {
            return; // LIO discards Data-Out for unknown, non-write or complete commands
        }
        DataOutAssembly.Verdict verdict = write.receive(d, inPlace);
        if (!verdict.taken()) {
            refuse(verdict, pdu, d);
            return;
        }
        if (verdict == DataOutAssembly.Verdict.DATASN_GAP) {
            log.debug("{}: ITT 0x{}: DataSN {} out of order; the command will end with PROTOCOL SERVICE CRC ERROR",
                    conn, Integer.toHexString(d.initiatorTaskTag()), Integer.toUnsignedString(d.dataSn()));
        }
        startBursts(task);
        trySubmit(task);
    }

    /** Answers a Data-Out its assembly did not take (see {@link DataOutAssembly.Verdict}). */
    private void refuse(DataOutAssembly.Verdict verdict, RawPdu pdu, DataOut d) {
        switch (verdict) {
            case BEYOND_EDTL, UNKNOWN_TTT -> out.reject(RejectReason.INVALID_PDU_FIELD, pdu.bhs());
            case UNSOLICITED_NOT_ALLOWED -> conn.closeAfterFlush("unsolicited Data-Out for ITT 0x"
                    + Integer.toHexString(d.initiatorTaskTag()) + " that may not have any");
            case UNSOLICITED_OUT_OF_ORDER -> conn.closeAfterFlush(
                    "unsolicited Data-Out out of order or beyond FirstBurstLength" + position(d));
            case BURST_OUT_OF_ORDER -> conn.closeAfterFlush("Data-Out out of order for TTT 0x"
                    + Integer.toHexString(d.targetTransferTag()) + position(d));
            default -> { } // IGNORED: empty
        }
    }

    private static String position(DataOut d) {
        return " (offset " + d.bufferOffset() + ", DataSN " + d.dataSn() + ")";
    }

    /** Releases a task's buffers and gives its share of the budget back. */
    private void finish(ScsiTask task) {
        task.release();
        reservedBytes -= task.reserved;
        task.reserved = 0;
    }

    private void trySubmit(ScsiTask task) {
        if (!task.sequenced || task.submitted || !task.dataComplete()) {
            return;
        }
        task.submitted = true;
        if (task.localAnswer != null) {
            completed(task, task.localAnswer, null);
            return;
        }
        if (task.write != null && task.write.sequenceError()) {
            completed(task, ScsiCompletion.checkCondition(Sense.protocolServiceCrcError()), null);
            return;
        }
        ByteBuffer dataOut = task.write != null ? task.write.data() : null;
        ByteBuffer dataIn = null;
        if (task.request.read() && task.edtl > 0) {
            task.dataIn = ctx.alloc().buffer(task.edtl);
            dataIn = task.dataIn.nioBuffer(0, task.edtl).slice();
        }
        ScsiCommand command = new ScsiCommand(session.nexus(), task.lun, task.itt & 0xffffffffL,
                TaskAttribute.fromIscsiAttr(task.request.attribute()), task.request.cdb(), task.edtl, dataOut, dataIn);
        CompletionStage<ScsiCompletion> stage;
        try {
            stage = session.executor().execute(command);
        } catch (RuntimeException e) {
            log.error("{}: SCSI executor threw", conn, e);
            completed(task, null, e);
            return;
        }
        stage.whenComplete((c, e) -> out.onLoop(() -> completed(task, c, e), () -> finish(task)));
    }

    private void completed(ScsiTask task, ScsiCompletion completion, Throwable error) {
        tasks.remove(task.itt, task);
        if (!conn.fullFeature()) {
            finish(task);
            return;
        }
        ScsiCompletion c = completion;
        if (error != null || c == null) {
            c = ScsiCompletion.checkCondition(Sense.internalTargetFailure());
        }
        out.responded(task.immediate);
        // An aborted task gets no response (RFC 7143 §4.2.3.3; ScsiTaskExecutor#manage).
        if (!task.aborted && c.status() != ScsiCompletion.TASK_ABORTED) {
            sendStatus(task, c);
        }
        finish(task);
        out.flushAfterThisIteration();
    }

    /**
     * Read data and status (RFC 7143 §11.4, §11.7); the status uses up one StatSN. Each Data-In
     * carries a retained slice of the task's read buffer, not a copy: the task keeps its own
     * reference (released by {@link #finish}), each PDU one more, released once written.
     */
    private void sendStatus(ScsiTask task, ScsiCompletion c) {
        int readBuffer = task.dataIn == null ? 0 : task.edtl;
        CommandWindow window = out.window();
        for (StatusPhase.Frame f : StatusPhase.frames(task.itt, task.edtl & 0xffffffffL, readBuffer, task.r2tCount(),
                c, params, new StatusPhase.Numbers(out.nextStatSn(), window.expCmdSn(), window.maxCmdSn()))) {
            if (f.dataLength() == 0) {
                out.send(f.header());
            } else {
                out.send(f.header(), task.dataIn.retainedSlice(f.dataOffset(), f.dataLength()));
            }
        }
    }

    /** Ends a task that has not reached the SCSI layer: no response, its CmdSN answered (§4.2.3.3). */
    void abortLocally(ScsiTask task) {
        tasks.remove(task.itt, task);
        task.aborted = true;
        if (task.sequenced) {
            out.responded(task.immediate);
        }
        finish(task);
    }

    /** The connection ended: every task is aborted, buffers of those not running released now. */
    void closed() {
        placement.release();
        for (ScsiTask t : tasks.values()) {
            t.aborted = true;
            if (!t.submitted) {
                finish(t);
            }
        }
        tasks.clear();
    }
}
