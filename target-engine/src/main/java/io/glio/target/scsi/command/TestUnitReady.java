package io.glio.target.scsi.command;

import io.glio.target.scsi.CommandContext;
import io.glio.target.scsi.OperationInfo;
import io.glio.target.scsi.ScsiCompletion;
import io.glio.target.scsi.AbstractOperation;
import io.glio.target.scsi.pr.AccessKind;

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
