package io.glio.engine.iscsi.pdu;

import java.nio.ByteBuffer;

/**
 * Frames PDUs out of a byte stream: an explicit state machine that accepts input in pieces of
 * any size (down to one byte) and checks every length against the connection's limits before it
 * allocates a buffer for it.
 *
 * <pre>
 *  BHS(48) ─▶ AHS(TotalAHSLength*4) ─▶ HeaderDigest(4)? ─▶ Data(DSL + pad) ─▶ DataDigest(4)? ─▶ PDU
 * </pre>
 * Limits (RFC 7143 §13.12): the data segment must not exceed the MaxRecvDataSegmentLength this
 * side declared (8192 during login, {@code MAX_KEY_VALUE_PAIRS} in LIO). Digests are switched
 * on by the login once the final Login Response has been sent (§6.3).
 * <p>
 * A {@link DataPlacement} may take a data segment as soon as its header is known: the parser
 * then writes the segment's bytes straight from the input into the buffer it is given (a Data-Out
 * into its command's buffer: one copy from the socket buffer, none through a PDU array). A reader
 * that can write into memory itself (a socket read) may go one step further: it asks for the rest
 * of such a segment ({@link #placedWindow()}), reads into it and reports how much arrived
 * ({@link #receivedInPlace(int)}); the kernel's copy is then the only one.
 */
public final class PduParser {

    /** Chooses, from a complete header, where a data segment is received. */
    @FunctionalInterface
    public interface DataPlacement {
        /**
         * @param bhs    the PDU's basic header segment (read only)
         * @param length its DataSegmentLength, already checked against the limit
         * @return a buffer at position 0 with exactly {@code length} bytes remaining that receives the segment
         *         (it becomes the PDU's {@link RawPdu#data()}), or null to let the parser buffer it
         */
        ByteBuffer place(byte[] bhs, int length);
    }

    /** Login phase limit on a data segment (RFC 7143 §6.3 / LIO MAX_KEY_VALUE_PAIRS). */
    public static final int LOGIN_DATA_SEGMENT_LIMIT = 8192;
    /** AHS larger than this is not something LIO or we support (an extended CDB fits). */
    public static final int MAX_AHS_LENGTH = 264;
    private static final ByteBuffer NO_INPUT = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private enum State { BHS, AHS, HEADER_DIGEST, DATA, DATA_DIGEST }

    private State state = State.BHS;
    private int maxDataSegmentLength = LOGIN_DATA_SEGMENT_LIMIT;
    private boolean headerDigest;
    private boolean dataDigest;

    private byte[] bhs = new byte[Bhs.LENGTH];
    private byte[] ahs;
    private byte[] data;
    private int dataLength;
    private DataPlacement placement;
    /** The placed data segment being received, or null when {@link #data} holds it. */
    private ByteBuffer placed;
    private final byte[] digest = new byte[Digests.LENGTH];
    private int filled;
    /** Where the last {@link #placedWindow()} started in {@link #placed}, or -1. */
    private int windowStart = -1;

    /** Sets the largest data segment accepted from now on. */
    public void maxDataSegmentLength(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative data segment limit " + length);
        }
        this.maxDataSegmentLength = length;
    }

    public int maxDataSegmentLength() {
        return maxDataSegmentLength;
    }

    /** Sets (or with null removes) where data segments may be received in place. */
    public void placement(DataPlacement placement) {
        this.placement = placement;
    }

    /** Switches digests on or off for the PDUs that follow. */
    public void digests(boolean header, boolean data) {
        this.headerDigest = header;
        this.dataDigest = data;
    }

    /**
     * The rest of the placed data segment being received, for a reader that can receive bytes
     * straight into it (a socket read into the command's buffer, without a copy through a
     * network buffer); null unless a placed segment is being received. Report what was written
     * with {@link #receivedInPlace(int)} before anything else is parsed.
     */
    public ByteBuffer placedWindow() {
        if (state != State.DATA || placed == null || !placed.hasRemaining()) {
            return null;
        }
        windowStart = placed.position();
        return placed.slice();
    }

    /**
     * Takes {@code n} bytes a reader wrote at the start of the last {@link #placedWindow()} as
     * the segment's next bytes, then continues as {@link #parse} would with no further input.
     *
     * @return the PDU when this completes it (no padding or digest still to come), else null
     * @throws IllegalStateException when the window is stale (the parser moved on since) or
     *                               {@code n} is beyond it: a caller bug, not bad input
     */
    public RawPdu receivedInPlace(int n) throws PduFramingException {
        if (state != State.DATA || placed == null || placed.position() != windowStart
                || n < 0 || n > placed.remaining()) {
            throw new IllegalStateException("in-place receive of " + n + " bytes does not match the window at "
                    + windowStart + " (state " + state + ", placed " + placed + ")");
        }
        placed.position(placed.position() + n);
        windowStart = -1;
        return parse(NO_INPUT);
    }

    /** Whether no partial PDU is buffered. */
    public boolean idle() {
        return state == State.BHS && filled == 0;
    }

    /**
     * Consumes bytes from {@code in} until one PDU is complete or the input is exhausted.
     *
     * @return the PDU, or null when more input is needed
     * @throws PduFramingException when the stream cannot be framed any further
     */
    public RawPdu parse(ByteBuffer in) throws PduFramingException {
        while (true) {
            if (state == State.DATA && placed != null && placed.hasRemaining()) {
                int n = Math.min(in.remaining(), placed.remaining());
                ByteBuffer chunk = in.duplicate();
                chunk.limit(chunk.position() + n);
                placed.put(chunk);
                in.position(in.position() + n);
                if (placed.hasRemaining()) {
                    return null;
                }
            }
            byte[] target = switch (state) {
                case BHS -> bhs;
                case AHS -> ahs;
                case HEADER_DIGEST, DATA_DIGEST -> digest;
                case DATA -> data;
            };
            if (!fill(in, target)) {
                return null;
            }
            switch (state) {
                case BHS -> headerComplete();
                case AHS -> state = headerDigest ? State.HEADER_DIGEST : dataState();
                case HEADER_DIGEST -> {
                    int expected = Digests.crc32c(bhs, ahs);
                    if (Digests.fromWire(digest) != expected) {
                        throw new PduFramingException(String.format(
                                "header digest error: received 0x%08x, computed 0x%08x",
                                Digests.fromWire(digest), expected), bhs);
                    }
                    state = dataState();
                }
                case DATA -> {
                    // RFC 7143 §11.2: no data digest without a data segment.
                    if (!dataDigest || dataLength == 0) {
                        return emit(true);
                    }
                    state = State.DATA_DIGEST;
                }
                case DATA_DIGEST -> {
                    int expected = Digests.crc32c(segment(), Digests.padding(dataLength));
                    return emit(Digests.fromWire(digest) == expected);
                }
                default -> throw new IllegalStateException(state.toString());
            }
        }
    }

    private void headerComplete() throws PduFramingException {
        int ahsLength = Bhs.totalAhsLength(bhs) * 4;
        if (ahsLength > MAX_AHS_LENGTH) {
            throw new PduFramingException("TotalAHSLength " + ahsLength + " bytes exceeds the limit "
                    + MAX_AHS_LENGTH, bhs);
        }
        int dsl = Bhs.dataSegmentLength(bhs);
        if (dsl > maxDataSegmentLength) {
            throw new PduFramingException("DataSegmentLength " + dsl
                    + " exceeds MaxRecvDataSegmentLength " + maxDataSegmentLength, bhs);
        }
        ahs = new byte[ahsLength];
        state = State.AHS;
    }

    /**
     * Finds the data segment a home: the placement's buffer, or a new array (then {@link #data}
     * also takes the padding). Its length was checked in {@link #headerComplete()}.
     */
    private State dataState() {
        dataLength = Bhs.dataSegmentLength(bhs);
        placed = dataLength > 0 && placement != null ? placement.place(bhs, dataLength) : null;
        if (placed != null && (placed.position() != 0 || placed.remaining() != dataLength)) {
            throw new IllegalStateException("placement gave " + placed + " for a data segment of " + dataLength
                    + " bytes");
        }
        data = new byte[(placed == null ? dataLength : 0) + Digests.padding(dataLength)];
        return State.DATA;
    }

    /** The received data segment, position 0 to its length. */
    private ByteBuffer segment() {
        return placed != null ? placed.duplicate().flip() : ByteBuffer.wrap(data, 0, dataLength).slice();
    }

    /** Copies input into {@code target}; true when it is full (at once for an empty target). */
    private boolean fill(ByteBuffer in, byte[] target) {
        int n = Math.min(in.remaining(), target.length - filled);
        in.get(target, filled, n);
        filled += n;
        if (filled == target.length) {
            filled = 0;
            return true;
        }
        return false;
    }

    private RawPdu emit(boolean digestOk) {
        RawPdu pdu = new RawPdu(bhs, ahs, placed != null ? placed.flip() : segment(), digestOk);
        bhs = new byte[Bhs.LENGTH];
        ahs = null;
        data = null;
        placed = null;
        state = State.BHS;
        return pdu;
    }
}
