package io.glio.shell.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A shell's stdout or stderr in the service: bytes gather until a flush (the shell's
 * {@link io.glio.shell.Console} flushes after every message) and go to the client as
 * {@link Frame.Type#OUT} or {@link Frame.Type#ERR} frames, so the client sees the two streams
 * interleaved as they were written.
 */
final class FrameOutputStream extends OutputStream {

    private final FrameChannel channel;
    private final Frame.Type type;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    FrameOutputStream(FrameChannel channel, Frame.Type type) {
        this.channel = channel;
        this.type = type;
    }

    @Override
    public void write(int b) throws IOException {
        pending.write(b);
        if (pending.size() >= Frame.MAX_PAYLOAD) {
            flush();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, Frame.MAX_PAYLOAD - pending.size());
            pending.write(b, off, n);
            off += n;
            len -= n;
            if (pending.size() >= Frame.MAX_PAYLOAD) {
                flush();
            }
        }
    }

    @Override
    public void flush() throws IOException {
        if (pending.size() > 0) {
            byte[] bytes = pending.toByteArray();
            pending.reset();
            channel.send(new Frame(type, bytes));
        }
    }
}
