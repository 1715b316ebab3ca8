package io.glio.engine.nbd;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One kind of transmission-phase request, executed through the export's SCSI LU. */
interface NbdCommand {

    /** The reply's buffers, in order; never completes exceptionally. */
    CompletableFuture<List<ByteBuffer>> execute(NbdRequest request, Transmission t);

    /** The command of a request type, or null for one this server does not know. */
    static NbdCommand of(int type) {
        return switch (type) {
            case Nbd.CMD_READ -> ReadCommand.INSTANCE;
            case Nbd.CMD_WRITE -> WriteCommand.INSTANCE;
            case Nbd.CMD_FLUSH -> FlushCommand.INSTANCE;
            case Nbd.CMD_TRIM -> ZeroCommand.TRIM;
            case Nbd.CMD_WRITE_ZEROES -> ZeroCommand.WRITE_ZEROES;
            case Nbd.CMD_CACHE -> CacheCommand.INSTANCE;
            case Nbd.CMD_BLOCK_STATUS -> BlockStatusCommand.INSTANCE;
            default -> null;
        };
    }
}
