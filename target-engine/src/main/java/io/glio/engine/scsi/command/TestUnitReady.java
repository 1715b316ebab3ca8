package io.glio.engine.scsi.command;

import io.glio.engine.scsi.CommandContext;
import io.glio.engine.scsi.OperationInfo;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.AbstractOperation;
import io.glio.engine.scsi.pr.AccessKind;

import java.util.concurrent.CompletableFuture;

/** TEST UNIT READY (SPC-4 6.47): GOOD, or NOT READY from the dispatcher while the store is not ready. */
public final class TestUnitReady extends AbstractOperation {

    public TestUnitReady() {
        super(OperationInfo.other(0x00, -1, "TEST UNIT READY", AccessKind.OTHER,
                0, 0, 0, 0, 0).needingMedium(true));
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) {
        return CommandContext.good();
    }
}
