package io.glio.engine.backing.glfs;

import io.glio.gfapi.GlfsCompletion;
import io.glio.gfapi.GlfsException;
import io.glio.gfapi.GlfsFile;
import java.nio.ByteBuffer;

/**
 * Whole-buffer reads and writes out of gfapi's asynchronous calls, which may transfer fewer
 * bytes than asked: each completion submits the rest. Heap buffers go through a direct copy,
 * since gfapi needs a stable address.
 */
final class GlfsIo {

    /** The end of a whole request; runs on a gfapi thread or the submitter's, so it must not block. */
    interface Outcome {
        void succeeded();

        /** A {@link GlfsException}, or {@link IllegalStateException} when the file was closed meanwhile. */
        void failed(Exception error);
    }

    private GlfsIo() {
    }

    /** Fills {@code dst} from {@code offset}; bytes past the end of the file read as zeroes. */
    static void readFully(GlfsFile file, ByteBuffer dst, long offset, Outcome outcome) throws GlfsException {
        boolean bounced = !dst.isDirect(); // gfapi needs native memory: a heap buffer reads through a copy
        ByteBuffer target = bounced ? ByteBuffer.allocateDirect(dst.remaining()) : dst;
        readFrom(file, target, offset, () -> {
            if (bounced) {
                dst.put(target.flip());
            }
        }, outcome);
    }

    private static void readFrom(GlfsFile file, ByteBuffer target, long offset, Runnable onFull, Outcome outcome)
            throws GlfsException {
        file.preadAsync(target, offset, new Step(outcome) {
            @Override
            void next(long n) throws GlfsException {
                if (n == 0) { // past the file's end inside the served size: zeroes, as a hole
                    while (target.hasRemaining()) {
                        target.put((byte) 0);
                    }
                }
                if (target.hasRemaining()) {
                    readFrom(file, target, offset + n, onFull, outcome);
                } else {
                    onFull.run();
                    outcome.succeeded();
                }
            }
        });
    }

    /** Writes all of {@code src} at {@code offset}, then with {@code fua} an {@code fdatasync}. */
    static void writeFully(GlfsFile file, ByteBuffer src, long offset, boolean fua, Outcome outcome)
            throws GlfsException {
        ByteBuffer source = src;
        if (!src.isDirect()) {
            source = ByteBuffer.allocateDirect(src.remaining()).put(src.duplicate()).flip();
            src.position(src.limit());
        }
        writeFrom(file, source, offset, fua, outcome);
    }

    private static void writeFrom(GlfsFile file, ByteBuffer source, long offset, boolean fua, Outcome outcome)
            throws GlfsException {
        file.pwriteAsync(source, offset, new Step(outcome) {
            @Override
            void next(long n) throws GlfsException {
                if (source.hasRemaining()) {
                    writeFrom(file, source, offset + n, fua, outcome);
                } else if (fua) {
                    file.fdatasyncAsync(new Step(outcome) {
                        @Override
                        void next(long ignored) {
                            outcome.succeeded();
                        }
                    });
                } else {
                    outcome.succeeded();
                }
            }
        });
    }

    /** A completion that either goes on to the next call or hands the failure to the outcome. */
    abstract static class Step implements GlfsCompletion {
        private final Outcome outcome;

        Step(Outcome outcome) {
            this.outcome = outcome;
        }

        abstract void next(long result) throws GlfsException;

        @Override
        public final void completed(long result) {
            try {
                next(result);
            } catch (GlfsException | RuntimeException e) {
                outcome.failed(e);
            }
        }

        @Override
        public final void failed(GlfsException error) {
            outcome.failed(error);
        }
    }

    /** A single call whose success ends the request (flush, unmap, write zeroes). */
    static Step last(Outcome outcome) {
        return new Step(outcome) {
            @Override
            void next(long result) {
                outcome.succeeded();
            }
        };
    }
}
