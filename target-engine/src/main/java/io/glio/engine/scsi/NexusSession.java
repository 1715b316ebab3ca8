package io.glio.engine.scsi;

import io.glio.engine.scsi.sense.InternalTargetFailure;
import io.glio.engine.scsi.sense.InvalidFieldInCdb;
import io.glio.engine.scsi.sense.InvalidOpcode;
import io.glio.engine.scsi.sense.LogicalUnitNotSupported;
import io.glio.engine.scsi.sense.NotReady;
import io.glio.engine.scsi.sense.ScsiException;
import io.glio.engine.scsi.sense.SenseData;
import io.glio.engine.scsi.sense.UnitAttention;
import io.glio.engine.scsi.sense.WriteProtected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The SCSI side of one I_T nexus. Per command (LIO's order, SAM-5 5.14/SPC-4 5.9): LUN lookup,
 * unit attention, opcode, NOT READY, reservation conflict, write protect, then the operation.
 * Tasks go through their LU's {@link TaskSet}; completions happen on whatever thread finished
 * the I/O.
 */
public final class NexusSession implements ScsiTaskExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(NexusSession.class);

    private final ItNexus nexus;
    private final String nexusKey;
    private final LunMap lunMap;
    private final Consumer<NexusSession> onLost;
    private final ConcurrentHashMap<Long, Task> tasks = new ConcurrentHashMap<>();
    private final Set<LogicalUnit> touched = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean lunsChanged = new AtomicBoolean();
    private volatile boolean lost;

    public NexusSession(ItNexus nexus, LunMap lunMap, Consumer<NexusSession> onLost) {
        this.nexus = nexus;
        this.nexusKey = nexus.initiatorPortName() + "|" + nexus.targetPortName();
        this.lunMap = lunMap;
        this.onLost = onLost;
    }

    public ItNexus nexus() {
        return nexus;
    }

    /** The I_T nexus identity reservations and unit attentions are kept under. */
    public String nexusKey() {
        return nexusKey;
    }

    public LunMap lunMap() {
        return lunMap;
    }

    /** The LUN inventory changed: the next command reports REPORTED LUNS DATA HAS CHANGED. */
    public void reportedLunsChanged() {
        lunsChanged.set(true);
    }

    /** REPORT LUNS was answered: the inventory change has been seen (SPC-4 6.33). */
    public void reportedLunsSeen() {
        lunsChanged.set(false);
    }

    @Override
    public CompletionStage<ScsiCompletion> execute(ScsiCommand command) {
        try {
            return submit(command);
        } catch (ScsiException e) {
            return CompletableFuture.completedFuture(SenseData.completion(e));
        } catch (RuntimeException e) {
            LOG.warn("command {} failed", command.opcode(), e);
            return CompletableFuture.completedFuture(SenseData.completion(new InternalTargetFailure()));
        }
    }

    private CompletionStage<ScsiCompletion> submit(ScsiCommand command) throws ScsiException {
        ScsiOperation op = OperationTable.find(command.cdb());
        if (op != null && command.cdb().length < op.info().cdbLength()) {
            // a CDB cut shorter than its opcode's length: refuse it before any field is read
            throw new InvalidFieldInCdb(command.cdb().length - 1);
        }
        Optional<LunAccess> found = lunMap.lookup(command.lun());
        if (found.isEmpty()) {
            if (op != null && op.info().unitless()) {
                return op.execute(new CommandContext(command, null, this));
            }
            throw new LogicalUnitNotSupported();
        }
        LunAccess access = found.get();
        LogicalUnit unit = access.unit();
        if (touched.add(unit)) {
            unit.unitAttentions().attach(nexusKey);
        }
        TaskAttribute attribute = switch (command.attribute()) {
            case ORDERED -> TaskAttribute.ORDERED;
            case HEAD_OF_QUEUE -> TaskAttribute.HEAD_OF_QUEUE;
            default -> op != null && op.info().unitless() ? TaskAttribute.HEAD_OF_QUEUE : TaskAttribute.SIMPLE;
        };
        Task task = new Task(command, unit, nexusKey, attribute);
        CommandContext ctx = new CommandContext(command, access, this);
        task.body(() -> run(task, op, ctx));
        tasks.put(command.taskTag(), task);
        task.completion.whenComplete((c, e) -> tasks.remove(command.taskTag(), task));
        unit.taskSet().submit(task);
        return task.completion;
    }

    private void run(Task task, ScsiOperation op, CommandContext ctx) {
        CompletableFuture<ScsiCompletion> result;
        boolean writes = op != null && op.info().writesMedium();
        if (task.aborted() || lost) {
            result = CompletableFuture.completedFuture(ScsiCompletion.status(ScsiCompletion.TASK_ABORTED));
        } else {
            try {
                result = dispatch(op, ctx);
            } catch (ScsiException e) {
                result = CompletableFuture.completedFuture(SenseData.completion(e));
            } catch (RuntimeException e) {
                LOG.warn("operation {} failed", op == null ? "?" : op.info().name(), e);
                result = CompletableFuture.completedFuture(SenseData.completion(new InternalTargetFailure()));
            }
        }
        result.whenComplete((completion, failure) -> {
            ScsiCompletion out = failure == null ? completion
                    : SenseData.completion(SenseData.condition(failure, writes));
            task.unit.taskSet().finished(task);
            task.completion.complete(task.aborted() ? ScsiCompletion.status(ScsiCompletion.TASK_ABORTED) : out);
        });
    }

    private CompletableFuture<ScsiCompletion> dispatch(ScsiOperation op, CommandContext ctx) throws ScsiException {
        LogicalUnit unit = ctx.unit();
        if (op == null || !op.info().uaExempt()) {
            UnitAttention ua = unit.unitAttentions().take(nexusKey);
            if (ua != null) {
                throw ua;
            }
            if (lunsChanged.getAndSet(false)) {
                throw new UnitAttention(0x3f, 0x0e);
            }
        }
        byte[] cdb = ctx.cdb();
        int aluaState = PortGroups.ownOf(unit, nexus).map(PortGroups.Group::state).orElse(ctx.access().aluaState());
        AluaAccess.check(aluaState, cdb[0] & 0xff, cdb.length > 1 ? cdb[1] & 0x1f : 0);
        if (op == null) {
            throw new InvalidOpcode();
        }
        OperationInfo info = op.info();
        if (info.needsMedium() && !unit.ready()) {
            throw NotReady.storeNotAccessible();
        }
        unit.reservations().check(nexusKey, info.access());
        if (info.writesMedium() && ctx.readOnly()) {
            throw new WriteProtected();
        }
        return op.execute(ctx);
    }

    // ------------------------------------------------------------------ task management

    @Override
    public CompletionStage<TaskManagementResponse> manage(TaskManagementFunction function, long lun,
                                                          long referencedTaskTag) {
        return switch (function) {
            case ABORT_TASK -> abortTask(referencedTaskTag);
            case ABORT_TASK_SET -> onLun(lun, unit -> abort(unit, t -> t.nexusKey.equals(nexusKey)));
            case CLEAR_TASK_SET -> onLun(lun, unit -> abort(unit, t -> true));
            case LOGICAL_UNIT_RESET -> onLun(lun, unit -> reset(unit, UnitAttentions.LUN_RESET));
            case TARGET_WARM_RESET, TARGET_COLD_RESET -> targetReset();
            case CLEAR_ACA, TASK_REASSIGN ->
                    CompletableFuture.completedFuture(TaskManagementResponse.FUNCTION_NOT_SUPPORTED);
        };
    }

    /**
     * RFC 7143 11.6.1: FUNCTION COMPLETE only for a task the LU's task set still holds; one whose
     * status is already on its way (left the task set, not yet out of {@code tasks}) no longer
     * exists, else the initiator would see both its GOOD and this abort succeed.
     */
    private CompletionStage<TaskManagementResponse> abortTask(long tag) {
        Task task = tasks.get(tag);
        List<Task> hit = task == null ? List.of() : abortMatching(task.unit, t -> t == task);
        if (hit.isEmpty()) {
            return CompletableFuture.completedFuture(TaskManagementResponse.TASK_DOES_NOT_EXIST);
        }
        return allCompleted(hit).thenApply(v -> TaskManagementResponse.FUNCTION_COMPLETE);
    }

    private CompletionStage<TaskManagementResponse> onLun(long lun,
                                                          java.util.function.Function<LogicalUnit, CompletableFuture<Void>> f) {
        Optional<LunAccess> access = lunMap.lookup(lun);
        if (access.isEmpty()) {
            return CompletableFuture.completedFuture(TaskManagementResponse.LUN_DOES_NOT_EXIST);
        }
        return f.apply(access.get().unit()).thenApply(v -> TaskManagementResponse.FUNCTION_COMPLETE);
    }

    private CompletableFuture<Void> reset(LogicalUnit unit, UnitAttentions.Condition condition) {
        CompletableFuture<Void> done = abort(unit, t -> true);
        unit.reservations().resetSpc2();
        // SAM-5 6.3.3: every I_T nexus of the LU sees the reset, the one that asked included
        // (libiscsi's MultipathIO.Reset checks for the unit attention on every path).
        unit.unitAttentions().raiseAll(condition, null);
        return done;
    }

    /** TARGET WARM/COLD RESET reaches the LUs of this nexus's target port (SAM-5 7.11). */
    private CompletionStage<TaskManagementResponse> targetReset() {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int lun : lunMap.luns()) {
            lunMap.lookup(lun).ifPresent(a -> all.add(reset(a.unit(), UnitAttentions.TARGET_RESET)));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .thenApply(v -> TaskManagementResponse.FUNCTION_COMPLETE);
    }

    /** Aborts the matching tasks of the LU; completes when each of them has completed. */
    static CompletableFuture<Void> abort(LogicalUnit unit, Predicate<Task> which) {
        return allCompleted(abortMatching(unit, which));
    }

    /** Marks the matching tasks aborted, ends the ones not started yet; returns every one hit. */
    private static List<Task> abortMatching(LogicalUnit unit, Predicate<Task> which) {
        List<Task> notStarted = new ArrayList<>();
        List<Task> hit = unit.taskSet().abort(which, notStarted);
        for (Task t : notStarted) {
            t.completion.complete(ScsiCompletion.status(ScsiCompletion.TASK_ABORTED));
        }
        return hit;
    }

    private static CompletableFuture<Void> allCompleted(List<Task> tasks) {
        return CompletableFuture.allOf(tasks.stream().map(t -> t.completion).toArray(CompletableFuture[]::new));
    }

    @Override
    public void nexusLost() {
        lost = true;
        for (LogicalUnit unit : touched) {
            abort(unit, t -> t.nexusKey.equals(nexusKey));
            unit.reservations().nexusLost(nexusKey);
            unit.unitAttentions().forget(nexusKey);
        }
        tasks.clear();
        onLost.accept(this);
    }
}
