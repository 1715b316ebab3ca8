package io.glio.engine.iscsi.session;

import io.glio.engine.iscsi.pdu.Lun;
import io.glio.engine.iscsi.pdu.RawPdu;
import io.glio.engine.iscsi.pdu.RejectReason;
import io.glio.engine.iscsi.pdu.TaskManagementReply;
import io.glio.engine.iscsi.pdu.TaskManagementRequest;
import io.glio.engine.scsi.TaskManagementFunction;
import io.glio.engine.scsi.TaskManagementResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletionStage;

/**
 * Task Management Function Requests of one connection (RFC 7143 §11.5, §11.6): a task that has
 * not reached the SCSI layer is aborted here, everything else goes to the session's
 * {@link io.glio.engine.scsi.ScsiTaskExecutor#manage}; the response follows in CmdSN order.
 */
final class TaskManagementHandler {

    private static final Logger log = LoggerFactory.getLogger(IscsiConnection.class);

    private final IscsiConnection conn;
    private final ConnectionOutput out;
    private final ScsiCommands commands;
    private final Session session;

    TaskManagementHandler(IscsiConnection conn, ConnectionOutput out, ScsiCommands commands, Session session) {
        this.conn = conn;
        this.out = out;
        this.commands = commands;
        this.session = session;
    }

    void handle(RawPdu pdu) {
        if (session.discovery()) {
            out.reject(RejectReason.PROTOCOL_ERROR, pdu.bhs());
            return;
        }
        TaskManagementRequest t = TaskManagementRequest.decode(pdu);
        out.sequenced(t.immediate(), t.cmdSn(), () -> run(t));
    }

    private void run(TaskManagementRequest t) {
        TaskManagementFunction function = TaskManagementFunction.fromIscsiCode(t.function());
        long lun = Lun.decode(t.lunField());
        if (function == null) {
            done(t, TaskManagementResponse.FUNCTION_NOT_SUPPORTED);
            return;
        }
        switch (function) {
            case ABORT_TASK -> abortTask(t, function);
            case ABORT_TASK_SET, CLEAR_TASK_SET, LOGICAL_UNIT_RESET -> {
                for (ScsiTask task : commands.tasksOf(lun)) {
                    if (task.submitted) {
                        task.aborted = true;
                    } else {
                        commands.abortLocally(task);
                    }
                }
                manage(t, function, lun, -1);
            }
            // ErrorRecoveryLevel 0: no task reassignment (RFC 7143 §11.5.1).
            case TASK_REASSIGN -> done(t, TaskManagementResponse.TASK_REASSIGNMENT_NOT_SUPPORTED);
            default -> manage(t, function, lun, -1);
        }
    }

    private void abortTask(TaskManagementRequest t, TaskManagementFunction function) {
        ScsiTask task = commands.task(t.referencedTaskTag());
        if (task == null) {
            // Not yet arrived (RefCmdSN still ahead) or already answered (RFC 7143 §11.5.1).
            done(t, out.window().inWindow(t.refCmdSn())
                    ? TaskManagementResponse.FUNCTION_COMPLETE : TaskManagementResponse.TASK_DOES_NOT_EXIST);
            return;
        }
        if (!task.submitted) {
            commands.abortLocally(task);
            done(t, TaskManagementResponse.FUNCTION_COMPLETE);
            return;
        }
        // Not marked aborted here: if the SCSI layer finished the command before the abort
        // reached it, it answers TASK DOES NOT EXIST and the initiator must still get the
        // command's status; a command it did abort completes TASK ABORTED, which gets no response.
        manage(t, function, task.lun, task.itt & 0xffffffffL);
    }

    private void manage(TaskManagementRequest t, TaskManagementFunction f, long lun, long referencedTaskTag) {
        CompletionStage<TaskManagementResponse> stage;
        try {
            stage = session.executor().manage(f, lun, referencedTaskTag);
        } catch (RuntimeException e) {
            log.error("{}: task management {} threw", conn, f, e);
            done(t, TaskManagementResponse.FUNCTION_REJECTED);
            return;
        }
        stage.whenComplete((r, e) -> out.onLoop(() -> {
            done(t, e != null || r == null ? TaskManagementResponse.FUNCTION_REJECTED : r);
            out.flush();
        }, () -> { }));
    }

    private void done(TaskManagementRequest t, TaskManagementResponse response) {
        if (!conn.fullFeature()) {
            return;
        }
        out.responded(t.immediate());
        CommandWindow window = out.window();
        out.send(new TaskManagementReply(response.iscsiCode(), t.initiatorTaskTag(), out.nextStatSn(),
                window.expCmdSn(), window.maxCmdSn()).encode());
    }
}
