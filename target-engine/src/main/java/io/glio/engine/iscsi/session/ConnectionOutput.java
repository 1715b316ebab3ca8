package io.glio.engine.iscsi.session;

import io.glio.engine.iscsi.pdu.Bhs;
import io.glio.engine.iscsi.pdu.PduEncoder;
import io.glio.engine.iscsi.pdu.RawPdu;
import io.glio.engine.iscsi.pdu.Reject;
import io.glio.engine.iscsi.pdu.RejectReason;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SingleThreadEventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.RejectedExecutionException;

/**
 * What one connection sends, and the numbers its responses carry (RFC 7143 §4.2.2): PDUs
 * encoded with the negotiated digests (from the first PDU after the final Login Response, §6.3),
 * StatSN (§4.2.2.2), the command window whose ExpCmdSN and MaxCmdSN every response carries and
 * which delivers commands in CmdSN order (§4.2.2.1), Reject (§11.17) and fresh Target Transfer
 * Tags. Used on the connection's event loop only.
 */
final class ConnectionOutput {

    private static final Logger log = LoggerFactory.getLogger(IscsiConnection.class);

    private final ChannelHandlerContext ctx;
    /** Its toString() names the connection in log lines (evaluated only when logged). */
    private final Object who;
    private boolean headerDigest;
    private boolean dataDigest;
    private int statSn;
    private CommandWindow window;
    private int nextTtt = 1;
    /** A flush waits for the end of the event loop's iteration (flushAfterThisIteration). */
    private boolean flushQueued;
    private final Runnable flushQueuedResponses;

    ConnectionOutput(ChannelHandlerContext ctx, Object who) {
        this.ctx = ctx;
        this.who = who;
        this.flushQueuedResponses = () -> {
            flushQueued = false;
            ctx.flush();
        };
    }

    /** Starts the full feature phase's numbering and digests. */
    void fullFeature(int statSn, CommandWindow window, boolean headerDigest, boolean dataDigest) {
        this.statSn = statSn;
        this.window = window;
        this.headerDigest = headerDigest;
        this.dataDigest = dataDigest;
    }

    void send(RawPdu pdu) {
        ctx.write(PduEncoder.encode(ctx.alloc(), pdu, headerDigest, dataDigest));
    }

    /** Sends {@code header} with {@code data} as its data segment; the write takes over {@code data}. */
    void send(RawPdu header, ByteBuf data) {
        ctx.write(PduEncoder.encode(ctx.alloc(), header, data, headerDigest, dataDigest));
    }

    void sendAndFlush(RawPdu pdu) {
        send(pdu);
        ctx.flush();
    }

    void flush() {
        ctx.flush();
    }

    /** The StatSN the next response carries, without using it up (R2T, unsolicited NOP-In). */
    int statSn() {
        return statSn;
    }

    /** Uses up one StatSN for a response. */
    int nextStatSn() {
        return statSn++;
    }

    CommandWindow window() {
        return window;
    }

    /** A fresh Target Transfer Tag, never the reserved 0xffffffff. */
    int nextTtt() {
        int t = nextTtt++;
        if (nextTtt == Bhs.RESERVED_TAG) {
            nextTtt = 1;
        }
        return t;
    }

    /** Runs {@code delivery} now if immediate, else in CmdSN order; one outside the window is dropped. */
    CommandWindow.Admission sequenced(boolean immediate, int cmdSn, Runnable delivery) {
        if (immediate) {
            delivery.run();
            return CommandWindow.Admission.DELIVERED;
        }
        CommandWindow.Admission a = window.admit(cmdSn, delivery);
        if (a == CommandWindow.Admission.OUT_OF_WINDOW) {
            log.debug("{}: CmdSN {} outside [{}, {}], dropped", who, Integer.toUnsignedString(cmdSn),
                    Integer.toUnsignedString(window.expCmdSn()), Integer.toUnsignedString(window.maxCmdSn()));
        }
        return a;
    }

    /** A command got its response: a non-immediate one slides the window. */
    void responded(boolean immediate) {
        if (!immediate) {
            window.responded();
        }
    }

    void reject(RejectReason reason, byte[] header) {
        log.debug("{}: Reject {} for opcode 0x{}", who, reason, Integer.toHexString(Bhs.opcodeByte(header)));
        int exp = window == null ? 0 : window.expCmdSn();
        int max = window == null ? 0 : window.maxCmdSn();
        send(new Reject(reason, statSn++, exp, max, header).encode());
    }

    /**
     * Rejects a command PDU. A non-immediate one inside the window still uses up its CmdSN (in
     * order, like any command), so the commands after it are not left waiting for a gap.
     */
    void rejectCommand(RawPdu pdu, RejectReason reason) {
        int cmdSn = Bhs.i32(pdu.bhs(), 24);
        if (!pdu.immediate() && window.inWindow(cmdSn)) {
            window.admit(cmdSn, () -> {
                window.responded();
                reject(reason, pdu.bhs());
            });
        } else {
            reject(reason, pdu.bhs());
        }
    }

    /** Runs {@code action} on the event loop, or {@code ifGone} when the loop is gone. */
    void onLoop(Runnable action, Runnable ifGone) {
        try {
            ctx.executor().execute(action);
        } catch (RejectedExecutionException e) {
            ifGone.run();
        }
    }

    /**
     * Flushes once the event loop has run everything queued for this iteration, so the
     * responses of completions that arrive together leave in one write (one segment for the
     * initiator to wake up for, not one each). Measured with qemu-img bench on a user:glfs LUN,
     * 5 alternating rounds against a flush per completion: 4 KiB QD16 writes +25% ops/s (median
     * of the paired rounds, 5 of 5 ahead), QD16 reads +21% (4 of 5 ahead), QD1 reads unchanged.
     */
    void flushAfterThisIteration() {
        if (flushQueued) {
            return;
        }
        if (ctx.executor() instanceof SingleThreadEventLoop loop) {
            try {
                loop.executeAfterEventLoopIteration(flushQueuedResponses);
                flushQueued = true;
                return;
            } catch (RejectedExecutionException e) {
                // the loop is shutting down: flush now
            }
        }
        ctx.flush();
    }
}
