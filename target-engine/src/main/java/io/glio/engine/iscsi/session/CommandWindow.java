package io.glio.engine.iscsi.session;

import io.glio.engine.iscsi.pdu.SerialNumbers;

import java.util.HashMap;
import java.util.Map;

/**
 * The session's command numbering window (RFC 7143 §4.2.2.1, §3.2.2.1): non-immediate commands
 * are delivered strictly in CmdSN order. A command at ExpCmdSN runs at once and releases the
 * queued commands after it; one inside (ExpCmdSN, MaxCmdSN] waits for the gap to fill; one
 * outside the window is dropped without a response, as LIO drops it.
 *
 * <p>MaxCmdSN starts at ExpCmdSN + depth - 1 and grows by one with every response to a
 * non-immediate command, so the window counts commands not yet answered (LIO's scheme).
 */
public final class CommandWindow {

    /** What {@link #admit} did with a command. */
    public enum Admission { DELIVERED, QUEUED, OUT_OF_WINDOW }

    private int expCmdSn;
    private int maxCmdSn;
    private final Map<Integer, Runnable> waiting = new HashMap<>();

    public CommandWindow(int expCmdSn, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("command window depth " + depth + " must be >= 1");
        }
        this.expCmdSn = expCmdSn;
        this.maxCmdSn = expCmdSn + depth - 1;
    }

    public int expCmdSn() {
        return expCmdSn;
    }

    public int maxCmdSn() {
        return maxCmdSn;
    }

    /** Commands waiting for a CmdSN gap to fill. */
    public int waiting() {
        return waiting.size();
    }

    /** Offers a non-immediate command; {@code delivery} runs when its turn comes. */
    public Admission admit(int cmdSn, Runnable delivery) {
        if (!inWindow(cmdSn)) {
            return Admission.OUT_OF_WINDOW;
        }
        if (cmdSn == expCmdSn) {
            expCmdSn++;
            delivery.run();
            Runnable next;
            while ((next = waiting.remove(expCmdSn)) != null) {
                expCmdSn++;
                next.run();
            }
            return Admission.DELIVERED;
        }
        if (!waiting.containsKey(cmdSn)) {
            waiting.put(cmdSn, delivery);
            return Admission.QUEUED;
        }
        return Admission.OUT_OF_WINDOW;
    }

    /** Whether {@code cmdSn} lies in [ExpCmdSN, MaxCmdSN]. */
    public boolean inWindow(int cmdSn) {
        return SerialNumbers.lessOrEqual(expCmdSn, cmdSn) && SerialNumbers.lessOrEqual(cmdSn, maxCmdSn);
    }

    /** A non-immediate command got its response: the window slides by one. */
    public void responded() {
        maxCmdSn++;
    }
}
