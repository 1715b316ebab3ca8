package io.glio.engine.iscsi;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.UnpooledDirectByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;

import java.util.ArrayList;
import java.util.List;

/** An allocator that remembers every buffer it hands out, so a test can prove all were released. */
final class TrackingAllocator extends AbstractByteBufAllocator {

    private final List<ByteBuf> allocated = new ArrayList<>();

    TrackingAllocator() {
        this(false);
    }

    /** @param preferDirect whether {@code buffer()} gives direct buffers, as Netty's default allocator does */
    TrackingAllocator(boolean preferDirect) {
        super(preferDirect);
    }

    @Override
    public boolean isDirectBufferPooled() {
        return false;
    }

    @Override
    protected synchronized ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
        ByteBuf b = new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity);
        allocated.add(b);
        return b;
    }

    @Override
    protected synchronized ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
        ByteBuf b = new UnpooledDirectByteBuf(this, initialCapacity, maxCapacity);
        allocated.add(b);
        return b;
    }

    /** Buffers still referenced. */
    synchronized List<ByteBuf> unreleased() {
        return allocated.stream().filter(b -> b.refCnt() > 0).toList();
    }

    synchronized int count() {
        return allocated.size();
    }

    /** Forgets released buffers (keeps long fuzz runs small). */
    synchronized void forgetReleased() {
        allocated.removeIf(b -> b.refCnt() == 0);
    }
}
