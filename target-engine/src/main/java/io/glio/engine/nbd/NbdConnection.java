package io.glio.engine.nbd;

import io.glio.engine.scsi.LunAccess;
import io.glio.engine.scsi.NexusSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Optional;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One NBD client: the handshake, then requests read on this connection's own thread and
 * submitted to its nexus; replies go out in completion order on a writer thread, so no store
 * thread ever waits on the socket. The writer sends every reply completed since its last write
 * in one gathering write (at QD16, one syscall per reply header and one per data block was the
 * writer's whole cost). In-flight data is bounded by {@link #BUDGET} bytes: the reader
 * stops reading while it is spent. A protocol violation closes this connection and nothing else.
 */
final class NbdConnection implements Runnable, NbdExports {

    private static final Logger LOG = LoggerFactory.getLogger(NbdConnection.class);

    /** Bytes of requests in flight (read data to send, write data to store). */
    static final int BUDGET = 64 << 20;
    /** What a request without data costs, so that their number is bounded too. */
    private static final int MIN_COST = 4096;
    private static final int READ_BUFFER = 256 << 10;

    private final SocketChannel channel;
    private final NexusSession nexus;
    private final String label;
    private final Semaphore budget = new Semaphore(BUDGET);
    private final AtomicLong tags = new AtomicLong();
    private final ExecutorService writer;
    private final ConcurrentLinkedQueue<Completed> completed = new ConcurrentLinkedQueue<>();

    /** A request whose reply is ready to go (or whose command failed). */
    private record Completed(NbdRequest request, Transmission transmission, List<ByteBuffer> buffers,
                             Throwable failure, int cost) {
    }

    NbdConnection(SocketChannel channel, NexusSession nexus, String label) {
        this.channel = channel;
        this.nexus = nexus;
        this.label = label;
        this.writer = Executors.newSingleThreadExecutor(r -> daemon(r, label + "-writer"));
    }

    static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void run() {
        try {
            ByteBuffer in = ByteBuffer.allocate(READ_BUFFER).flip();
            writeNow(List.of(NbdReplies.greeting()));
            NbdHandshake.Result result = handshake(in);
            if (!result.aborted()) {
                LunExport export = export(result.export()).orElseThrow(() ->
                        new NbdException("export " + result.export() + " went away during the handshake"));
                transmit(in, new Transmission(export, result.structured(), result.baseAllocation()));
            }
        } catch (NbdException e) {
            LOG.warn("{}: closed: {}", label, e.getMessage());
        } catch (IOException e) {
            LOG.debug("{}: connection ended: {}", label, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    private NbdHandshake.Result handshake(ByteBuffer in) throws IOException, NbdException {
        NbdOptionDecoder decoder = new NbdOptionDecoder();
        NbdHandshake handshake = new NbdHandshake(this, b -> {
            try {
                writeNow(List.of(b));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        for (;;) {
            NbdOptionDecoder.Event event = decoder.decode(in);
            if (event == null) {
                fill(in);
                continue;
            }
            try {
                NbdHandshake.Result r = handshake.onEvent(event);
                if (r != null) {
                    return r;
                }
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    private void transmit(ByteBuffer in, Transmission t) throws IOException, NbdException, InterruptedException {
        NbdRequestDecoder decoder = new NbdRequestDecoder();
        for (;;) {
            NbdRequest r = decoder.decode(in);
            if (r == null) {
                fill(in);
                continue;
            }
            if (r.type() == Nbd.CMD_DISC) {
                // proto.md: the server handles every outstanding request before it closes
                budget.acquire(BUDGET);
                return;
            }
            NbdCommand command = NbdCommand.of(r.type());
            if (command == null) {
                throw new NbdException("request type: " + r.type() + " (expected: a known NBD_CMD)");
            }
            int cost = (int) Math.max(MIN_COST, Math.min(r.length(), Nbd.MAX_PAYLOAD));
            budget.acquire(cost);
            CompletableFuture<List<ByteBuffer>> reply;
            try {
                reply = command.execute(r, t);
            } catch (RuntimeException e) {
                LOG.warn("{}: {} failed", label, r, e);
                reply = t.error(r, Nbd.EIO, e.toString());
            }
            reply.whenComplete((buffers, failure) -> {
                completed.add(new Completed(r, t, buffers, failure, cost));
                writer.execute(this::sendCompleted);
            });
        }
    }

    /** Writes every reply completed so far in one go; a later task finds the queue empty. */
    private void sendCompleted() {
        List<ByteBuffer> out = new ArrayList<>();
        int cost = 0;
        for (Completed c; (c = completed.poll()) != null; ) {
            cost += c.cost();
            if (c.failure() != null) {
                LOG.warn("{}: {} failed", label, c.request(), c.failure());
                out.addAll(c.transmission().error(c.request(), Nbd.EIO, c.failure().toString()).join());
            } else {
                out.addAll(c.buffers());
            }
        }
        if (out.isEmpty()) {
            return;
        }
        try {
            writeNow(out);
        } catch (IOException e) {
            LOG.debug("{}: reply not sent: {}", label, e.toString());
            closeChannel();
        } finally {
            budget.release(cost);
        }
    }

    /** Reads more bytes after what {@code in} still holds; an IOException at the end of the stream. */
    private void fill(ByteBuffer in) throws IOException {
        in.compact();
        try {
            if (channel.read(in) < 0) {
                throw new java.io.EOFException("client closed the connection");
            }
        } finally {
            in.flip();
        }
    }

    private void writeNow(List<ByteBuffer> buffers) throws IOException {
        ByteBuffer[] all = buffers.stream().map(ByteBuffer::duplicate).toArray(ByteBuffer[]::new);
        long left = 0;
        for (ByteBuffer b : all) {
            left += b.remaining();
        }
        synchronized (channel) {
            while (left > 0) {
                left -= channel.write(all);
            }
        }
    }

    // ------------------------------------------------------------------ exports (the nexus's LUNs)

    @Override
    public List<String> names() {
        return nexus.lunMap().luns().stream().map(l -> "lun" + l).toList();
    }

    @Override
    public Optional<Info> info(String name) {
        return export(name).map(LunExport::info);
    }

    private Optional<LunExport> export(String name) {
        return lunOf(name).flatMap(l -> nexus.lunMap().lookup(l))
                .map((LunAccess a) -> new LunExport(nexus, nexus.nexus(), a, tags));
    }

    /** {@code lun<N>} with N a LUN number in canonical decimal; empty for anything else. */
    static Optional<Integer> lunOf(String name) {
        if (!name.matches("lun(0|[1-9][0-9]{0,8})")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(name.substring(3)));
    }

    void close() {
        closeChannel();
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        nexus.nexusLost();
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("{}: close: {}", label, e.toString());
        }
    }
}
