package io.glio.engine.nbd;

import io.glio.engine.scsi.ScsiCompletion;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The transmission phase of one connection as its commands see it: the chosen export, what the
 * handshake negotiated, and the replies every command builds the same way (proto.md
 * "Transmission phase": with structured replies, READ and BLOCK_STATUS answer in structured
 * chunks, errors included; the other commands keep simple replies, which proto.md allows).
 */
final class Transmission {

    private final LunExport export;
    private final boolean structured;
    private final boolean baseAllocation;

    Transmission(LunExport export, boolean structured, boolean baseAllocation) {
        this.export = export;
        this.structured = structured;
        this.baseAllocation = baseAllocation;
    }

    LunExport export() {
        return export;
    }

    boolean structured() {
        return structured;
    }

    boolean baseAllocation() {
        return baseAllocation;
    }

    static CompletableFuture<List<ByteBuffer>> reply(ByteBuffer... buffers) {
        return CompletableFuture.completedFuture(List.of(buffers));
    }

    CompletableFuture<List<ByteBuffer>> ok(NbdRequest r) {
        return reply(NbdReplies.simple(r.cookie(), 0));
    }

    CompletableFuture<List<ByteBuffer>> error(NbdRequest r, int error, String message) {
        boolean chunked = structured && (r.type() == Nbd.CMD_READ || r.type() == Nbd.CMD_BLOCK_STATUS);
        return reply(chunked ? NbdReplies.structuredError(r.cookie(), error, message)
                : NbdReplies.simple(r.cookie(), error));
    }

    /** The reply of a command whose SCSI outcome is {@code c}: success, or its error. */
    CompletableFuture<List<ByteBuffer>> outcome(NbdRequest r, ScsiCompletion c, boolean writes) {
        int error = NbdErrors.of(c, writes);
        return error == 0 ? ok(r) : error(r, error, NbdErrors.describe(c));
    }

    /**
     * Null when the request's range is whole blocks inside the export; else the error reply
     * (proto.md: EINVAL, or ENOSPC for a write past the end).
     */
    CompletableFuture<List<ByteBuffer>> checkRange(NbdRequest r, boolean writes) {
        int bs = export.blockSize();
        if (r.offset() % bs != 0 || r.length() % bs != 0) {
            return error(r, Nbd.EINVAL, "offset " + r.offset() + " length " + r.length()
                    + " are not multiples of the block size " + bs);
        }
        long size = export.size();
        if (!r.within(size)) {
            return error(r, writes ? Nbd.ENOSPC : Nbd.EINVAL, "offset " + r.offset() + " length " + r.length()
                    + " pass the end of the export (" + size + " bytes)");
        }
        return null;
    }
}
