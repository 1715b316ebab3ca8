package io.glio.engine.scsi;

import io.glio.engine.scsi.sense.ScsiException;

import java.util.concurrent.CompletableFuture;

/**
 * One SCSI operation (one class per opcode, or per service action). Runs after the dispatcher's
 * checks (LUN, unit attention, NOT READY, reservation, write protect); validates its own CDB and
 * never blocks: I/O goes through the backing store's futures.
 */
public interface ScsiOperation {

    OperationInfo info();

    CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException;
}
