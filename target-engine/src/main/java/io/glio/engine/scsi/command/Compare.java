package io.glio.engine.scsi.command;

import java.nio.ByteBuffer;

/** Byte comparison for VERIFY and COMPARE AND WRITE. */
final class Compare {

    private Compare() {
    }

    /** Offset of the first byte where the two buffers (from their positions) differ, or -1. */
    static long firstDifference(ByteBuffer a, ByteBuffer b) {
        int n = Math.min(a.remaining(), b.remaining());
        int mismatch = a.duplicate().limit(a.position() + n).mismatch(b.duplicate().limit(b.position() + n));
        return mismatch;
    }
}
