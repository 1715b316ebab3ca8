package io.glio.shell.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Frames over a blocking {@link SocketChannel}: {@link #send} may be called from any thread (a
 * frame is written whole), {@link #receive} from one reader thread.
 */
public final class FrameChannel implements AutoCloseable {

    private final SocketChannel channel;
    private final FrameDecoder decoder = new FrameDecoder();
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private final Deque<Frame> received = new ArrayDeque<>();

    public FrameChannel(SocketChannel channel) {
        this.channel = channel;
    }

    public SocketChannel channel() {
        return channel;
    }

    public void send(Frame frame) throws IOException {
        ByteBuffer b = frame.encode();
        synchronized (channel) {
            while (b.hasRemaining()) {
                channel.write(b);
            }
        }
    }

    /** The next frame, or null when the peer closed the connection between frames. */
    public Frame receive() throws IOException {
        while (received.isEmpty()) {
            buffer.clear();
            if (channel.read(buffer) < 0) {
                if (!decoder.idle()) {
                    throw new IOException("connection closed in the middle of a frame");
                }
                return null;
            }
            decoder.feed(buffer.flip(), received::add);
        }
        return received.poll();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // already closed by the peer: nothing to release
        }
    }
}
