package io.glio.engine.scsi;

import java.util.concurrent.CompletionStage;

/**
 * What a transport (iSCSI, loopback) sees of the SCSI layer for one I_T nexus: the LUNs that nexus
 * may reach (ACL mapped LUNs, or the TPG's LUNs in demo mode), command execution and task
 * management. Implemented by the SCSI layer; the transport never touches LUNs or backing stores.
 *
 * <p>Threading: {@link #execute} never blocks the caller (it is called on a Netty event loop);
 * completion may happen on any thread. Every command gets exactly one completion, also when it is
 * aborted (status TASK ABORTED or the completion is dropped by {@link #manage} semantics below).
 */
public interface ScsiTaskExecutor {

    /** Executes a command whose data-out is complete. Never throws; errors are CHECK CONDITION. */
    CompletionStage<ScsiCompletion> execute(ScsiCommand command);

    /**
     * Runs a task management function for this nexus. Completes after the affected tasks have
     * completed or been aborted (SAM-5 7.1); aborted tasks complete with TASK ABORTED status and
     * the transport must not send a response for them (RFC 7143 §4.2.3.3).
     *
     * @param lun               LUN the function addresses (ignored for target resets)
     * @param referencedTaskTag for ABORT TASK: the tag of the task to abort
     */
    CompletionStage<TaskManagementResponse> manage(TaskManagementFunction function, long lun, long referencedTaskTag);

    /** The nexus ends (logout, connection loss, session reinstatement): abort its tasks, drop its state. */
    void nexusLost();
}
