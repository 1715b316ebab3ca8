package io.glio.engine.iscsi.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.buffer.UnpooledDirectByteBuf;
import io.netty.channel.MaxMessagesRecvByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.util.UncheckedBooleanSupplier;

import java.nio.ByteBuffer;
import java.util.function.Supplier;

/**
 * The channel's receive buffers: while a large data segment is being received into its
 * command's buffer, the socket read goes straight into the rest of that buffer
 * ({@link ReceivedInPlace}); otherwise into the delegate's (pooled, adaptively sized) buffer.
 *
 * <p>Why: with only the parser placing data, every byte of a WRITE would cross memory twice in
 * this process, socket to network buffer, network buffer to command buffer (what that cost:
 * docs/performance.md).
 */
final class InPlaceReceiveAllocator implements MaxMessagesRecvByteBufAllocator {

    /**
     * Smallest rest of a segment read in place. Below it the ordinary read wins: one read takes
     * the tail of this segment and the headers (and small segments) of the PDUs that follow.
     */
    static final int MIN_WINDOW = 32 * 1024;

    private final MaxMessagesRecvByteBufAllocator delegate;
    private final Supplier<ByteBuffer> windows;

    /**
     * @param delegate the allocator used for everything that is not read in place
     * @param windows  the rest of the data segment being placed (see
     *                 {@link io.glio.engine.iscsi.pdu.PduParser#placedWindow()}), or null
     */
    InPlaceReceiveAllocator(MaxMessagesRecvByteBufAllocator delegate, Supplier<ByteBuffer> windows) {
        this.delegate = delegate;
        this.windows = windows;
    }

    @Override
    public ExtendedHandle newHandle() {
        return new InPlaceHandle((ExtendedHandle) delegate.newHandle());
    }

    @Override
    public int maxMessagesPerRead() {
        return delegate.maxMessagesPerRead();
    }

    @Override
    public MaxMessagesRecvByteBufAllocator maxMessagesPerRead(int maxMessagesPerRead) {
        delegate.maxMessagesPerRead(maxMessagesPerRead);
        return this;
    }

    private final class InPlaceHandle extends DelegatingHandle implements ExtendedHandle {

        InPlaceHandle(ExtendedHandle delegate) {
            super(delegate);
        }

        @Override
        public ByteBuf allocate(ByteBufAllocator alloc) {
            ByteBuffer window = windows.get();
            // A heap window (a heap allocator's command buffer) would make the channel read
            // through a temporary direct buffer anyway: no gain, so the ordinary path.
            return window != null && window.isDirect() && window.remaining() >= MIN_WINDOW
                    ? new ReceivedInPlace(window) : delegate().allocate(alloc);
        }

        @Override
        public boolean continueReading(UncheckedBooleanSupplier maybeMoreDataSupplier) {
            return ((ExtendedHandle) delegate()).continueReading(maybeMoreDataSupplier);
        }
    }

    /**
     * A read buffer over a window of a command's buffer: what the channel reads into it is
     * already where it belongs, so the reader only reports how many bytes arrived
     * ({@link io.glio.engine.iscsi.pdu.PduParser#receivedInPlace(int)}). It does not own the
     * memory: releasing it frees nothing.
     */
    static final class ReceivedInPlace extends UnpooledDirectByteBuf {

        ReceivedInPlace(ByteBuffer window) {
            super(UnpooledByteBufAllocator.DEFAULT, window, window.remaining());
            clear();
        }
    }
}
