package io.glio.engine.runtime;

import io.glio.engine.scsi.ScsiCommand;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.TaskAttribute;
import io.glio.engine.scsi.TaskManagementFunction;
import io.glio.engine.scsi.TaskManagementResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TaskManagementTest extends GatedLunTest {

    @Test
    void orderedTaskWaitsForTheWriteBeforeItAndAbortingItNeverRunsIt() throws Exception {
        CompletableFuture<Initiator.Result> write = init.submit(LUN, Initiator.write16(0, 1),
                512, Initiator.pattern(512, 1), TaskAttribute.SIMPLE, Initiator.nextTag());
        gated.writeStarted.get(5, TimeUnit.SECONDS);
        long orderedTag = Initiator.nextTag();
        CompletableFuture<Initiator.Result> ordered = init.submit(LUN, Initiator.read16(0, 1), 512, null,
                TaskAttribute.ORDERED, orderedTag);

        assertThat(ordered).isNotDone();
        TaskManagementResponse response = init.executor.manage(TaskManagementFunction.ABORT_TASK, LUN, orderedTag)
                .toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(response).isEqualTo(TaskManagementResponse.FUNCTION_COMPLETE);
        assertThat(ordered.get(5, TimeUnit.SECONDS).status()).isEqualTo(ScsiCompletion.TASK_ABORTED);
        assertThat(write).isNotDone();
        gated.gate.complete(null);
        assertThat(write.get(5, TimeUnit.SECONDS).status()).isEqualTo(ScsiCompletion.GOOD);
    }

    /**
     * RFC 7143 11.6.1 c): a task whose status has gone out no longer exists; ABORT TASK arriving
     * right then (here: from the completion callback itself) must not claim to have aborted it,
     * or an initiator sees both GOOD and FUNCTION COMPLETE (libiscsi's AbortTaskSimpleAsync).
     */
    @Test
    void abortTaskOfATaskWhoseStatusIsOutIsTaskDoesNotExist() throws Exception {
        long tag = Initiator.nextTag();
        ScsiCommand write = new ScsiCommand(init.nexus, LUN, tag, TaskAttribute.SIMPLE, Initiator.write16(0, 1), 512,
                java.nio.ByteBuffer.wrap(new byte[512]), null);
        CompletableFuture<TaskManagementResponse> abort = new CompletableFuture<>();
        init.executor.execute(write).whenComplete((c, e) -> init.executor.manage(TaskManagementFunction.ABORT_TASK,
                LUN, tag).whenComplete((r, f) -> abort.complete(r)));

        gated.gate.complete(null);

        assertThat(abort.get(5, TimeUnit.SECONDS)).isEqualTo(TaskManagementResponse.TASK_DOES_NOT_EXIST);
    }

    @Test
    void abortingARunningWriteCompletesAfterItsIoWithTaskAborted() throws Exception {
        long tag = Initiator.nextTag();
        CompletableFuture<Initiator.Result> write = init.submit(LUN, Initiator.write16(0, 1), 512,
                Initiator.pattern(512, 1), TaskAttribute.SIMPLE, tag);
        gated.writeStarted.get(5, TimeUnit.SECONDS);

        CompletableFuture<TaskManagementResponse> abort = init.executor
                .manage(TaskManagementFunction.ABORT_TASK, LUN, tag).toCompletableFuture();

        assertThat(abort).isNotDone();
        gated.gate.complete(null);
        assertThat(abort.get(5, TimeUnit.SECONDS)).isEqualTo(TaskManagementResponse.FUNCTION_COMPLETE);
        assertThat(write.get(5, TimeUnit.SECONDS).status()).isEqualTo(ScsiCompletion.TASK_ABORTED);
    }

    @Test
    void abortOfAnUnknownTagSaysTaskDoesNotExist() throws Exception {
        assertThat(init.executor.manage(TaskManagementFunction.ABORT_TASK, LUN, 424242).toCompletableFuture().get())
                .isEqualTo(TaskManagementResponse.TASK_DOES_NOT_EXIST);
        assertThat(init.executor.manage(TaskManagementFunction.LOGICAL_UNIT_RESET, 77, 0).toCompletableFuture().get())
                .isEqualTo(TaskManagementResponse.LUN_DOES_NOT_EXIST);
    }

    @Test
    void headOfQueueRunsPastAWaitingOrderedTask() throws Exception {
        init.submit(LUN, Initiator.write16(0, 1), 512, Initiator.pattern(512, 1), TaskAttribute.SIMPLE,
                Initiator.nextTag());
        gated.writeStarted.get(5, TimeUnit.SECONDS);
        CompletableFuture<Initiator.Result> ordered = init.submit(LUN, Initiator.read16(8, 1), 512, null,
                TaskAttribute.ORDERED, Initiator.nextTag());

        Initiator.Result hoq = Initiator.await(init.submit(LUN, Initiator.read16(16, 1), 512, null,
                TaskAttribute.HEAD_OF_QUEUE, Initiator.nextTag()));

        assertThat(hoq.status()).isEqualTo(ScsiCompletion.GOOD);
        assertThat(ordered).isNotDone();
        gated.gate.complete(null);
        assertThat(ordered.get(5, TimeUnit.SECONDS).status()).isEqualTo(ScsiCompletion.GOOD);
    }

    @Test
    void logicalUnitResetAbortsEveryTaskOnTheLun() throws Exception {
        CompletableFuture<Initiator.Result> write = init.submit(LUN, Initiator.write16(0, 1), 512,
                Initiator.pattern(512, 1), TaskAttribute.SIMPLE, Initiator.nextTag());
        gated.writeStarted.get(5, TimeUnit.SECONDS);
        CompletableFuture<Initiator.Result> queued = init.submit(LUN, Initiator.read16(0, 1), 512, null,
                TaskAttribute.ORDERED, Initiator.nextTag());

        CompletableFuture<TaskManagementResponse> reset = init.executor
                .manage(TaskManagementFunction.LOGICAL_UNIT_RESET, LUN, 0).toCompletableFuture();
        assertThat(queued.get(5, TimeUnit.SECONDS).status()).isEqualTo(ScsiCompletion.TASK_ABORTED);
        gated.gate.complete(null);

        assertThat(reset.get(5, TimeUnit.SECONDS)).isEqualTo(TaskManagementResponse.FUNCTION_COMPLETE);
        assertThat(write.get(5, TimeUnit.SECONDS).status()).isEqualTo(ScsiCompletion.TASK_ABORTED);
    }
}
