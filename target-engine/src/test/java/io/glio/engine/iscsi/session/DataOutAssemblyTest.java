package io.glio.engine.iscsi.session;

import io.glio.engine.iscsi.login.SessionParameters;
import io.glio.engine.iscsi.pdu.Bhs;
import io.glio.engine.iscsi.pdu.DataOut;
import io.glio.engine.iscsi.pdu.PduFieldException;
import io.glio.engine.iscsi.pdu.RejectReason;
import io.glio.engine.iscsi.session.DataOutAssembly.Verdict;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance rule of {@link DataOutAssembly}: every verdict, and that placement offers a
 * window exactly for the Data-Outs that {@link DataOutAssembly#receive} takes as they are.
 */
class DataOutAssemblyTest {

    private static final int ITT = 0x10;
    private static final int NONE = Bhs.RESERVED_TAG;

    private final List<DataOutAssembly> made = new ArrayList<>();
    private ByteBuf buffer;

    @AfterEach
    void releaseBuffers() {
        made.forEach(DataOutAssembly::release);
        assertThat(buffer == null || buffer.refCnt() == 0).as("buffer released").isTrue();
    }

    private static SessionParameters params(boolean initialR2T, boolean immediateData, int firstBurst, int maxBurst,
                                            int maxR2T) {
        return new SessionParameters(false, false, 262144, 262144, maxBurst, firstBurst, initialR2T, immediateData,
                maxR2T, 1, 2, 20, 0, Map.of());
    }

    /** InitialR2T=No, FirstBurstLength 8192, MaxBurstLength 4096, MaxOutstandingR2T 2. */
    private DataOutAssembly unsolicited(int edtl, int immediate, boolean fin) {
        return assembly(edtl, immediate, fin, params(false, true, 8192, 4096, 2));
    }

    private DataOutAssembly assembly(int edtl, int immediate, boolean fin, SessionParameters p) {
        buffer = Unpooled.buffer(edtl);
        DataOutAssembly a = new DataOutAssembly(ITT, edtl, buffer, immediate, fin, p);
        made.add(a);
        return a;
    }

    private static DataOut dataOut(boolean fin, int ttt, int dataSn, int offset, int length) {
        byte[] data = new byte[length];
        Arrays.fill(data, (byte) (dataSn + 1));
        return new DataOut(fin, 0, ITT, ttt, 0, dataSn, offset, ByteBuffer.wrap(data));
    }

    /** Asks placement and then receive about the same PDU; placement must agree with the verdict. */
    private static Verdict offer(DataOutAssembly a, DataOut d) {
        ByteBuffer window = a.placementWindow(d.initiatorTaskTag(), d.targetTransferTag(), d.dataSn(),
                d.bufferOffset(), d.data().remaining());
        Verdict v = a.receive(d, false);
        assertThat(window != null).as("placed exactly when accepted (%s)", v).isEqualTo(v == Verdict.ACCEPT);
        return v;
    }

    @Test
    void inOrderUnsolicitedDataIsAcceptedCopiedAndPlaceableAtItsOffset() {
        DataOutAssembly a = unsolicited(16384, 1024, false);

        ByteBuffer window = a.placementWindow(ITT, NONE, 0, 1024, 2048);
        assertThat(window).isNotNull();
        assertThat(window.remaining()).isEqualTo(2048);
        assertThat(a.receive(dataOut(false, NONE, 0, 1024, 2048), false)).isEqualTo(Verdict.ACCEPT);

        assertThat(a.received()).isEqualTo(3072);
        assertThat(buffer.getByte(1024)).isEqualTo((byte) 1);
        assertThat(buffer.getByte(3071)).isEqualTo((byte) 1);
        assertThat(buffer.getByte(3072)).isZero();
    }

    @Test
    void dataReceivedInPlaceIsCountedButNotCopiedAgain() {
        DataOutAssembly a = unsolicited(16384, 0, false);

        assertThat(a.receive(dataOut(false, NONE, 0, 0, 512), true)).isEqualTo(Verdict.ACCEPT);

        assertThat(a.received()).isEqualTo(512);
        assertThat(buffer.getByte(0)).as("left to the placement").isZero();
    }

    @Test
    void anotherCommandsIttIsIgnored() {
        DataOutAssembly a = unsolicited(16384, 0, false);

        assertThat(a.verdict(ITT + 1, NONE, 0, 0, 512)).isEqualTo(Verdict.IGNORED);
        assertThat(a.placementWindow(ITT + 1, NONE, 0, 0, 512)).isNull();
        assertThat(a.received()).isZero();
    }

    @Test
    void emptyDataOutIsIgnoredWithoutTakingItsDataSn() {
        DataOutAssembly a = unsolicited(16384, 0, false);

        assertThat(offer(a, dataOut(false, NONE, 0, 0, 0))).isEqualTo(Verdict.IGNORED);
        assertThat(offer(a, dataOut(false, NONE, 0, 0, 512))).isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void dataBeyondEdtlIsRefusedEvenWhenTheOffsetWrapsAround() {
        DataOutAssembly a = unsolicited(4096, 0, false);

        assertThat(offer(a, dataOut(false, NONE, 0, 0, 4097))).isEqualTo(Verdict.BEYOND_EDTL);
        assertThat(offer(a, dataOut(false, NONE, 0, 0xfffff000, 0x1000))).isEqualTo(Verdict.BEYOND_EDTL);
        assertThat(a.received()).isZero();
    }

    @Test
    void unsolicitedDataUnderInitialR2TIsNotAllowed() {
        DataOutAssembly a = assembly(16384, 0, false, params(true, true, 8192, 4096, 1));

        assertThat(offer(a, dataOut(false, NONE, 0, 0, 512))).isEqualTo(Verdict.UNSOLICITED_NOT_ALLOWED);
    }

    @Test
    void unsolicitedDataAfterTheFinalBitIsNotAllowed() {
        DataOutAssembly a = unsolicited(16384, 0, false);
        assertThat(offer(a, dataOut(true, NONE, 0, 0, 512))).isEqualTo(Verdict.ACCEPT);

        assertThat(offer(a, dataOut(false, NONE, 1, 512, 512))).isEqualTo(Verdict.UNSOLICITED_NOT_ALLOWED);
        assertThat(a.received()).isEqualTo(512);
    }

    @Test
    void unsolicitedDataAfterACommandWithTheFinalBitIsNotAllowed() {
        DataOutAssembly a = unsolicited(16384, 1024, true);

        assertThat(offer(a, dataOut(false, NONE, 0, 1024, 512))).isEqualTo(Verdict.UNSOLICITED_NOT_ALLOWED);
    }

    @Test
    void unsolicitedDataNotAtTheNextOffsetIsOutOfOrder() {
        DataOutAssembly a = unsolicited(16384, 1024, false);

        assertThat(offer(a, dataOut(false, NONE, 0, 0, 512))).as("overlaps the immediate data")
                .isEqualTo(Verdict.UNSOLICITED_OUT_OF_ORDER);
        assertThat(offer(a, dataOut(false, NONE, 0, 1536, 512))).as("leaves a hole")
                .isEqualTo(Verdict.UNSOLICITED_OUT_OF_ORDER);
    }

    @Test
    void unsolicitedDataBeyondFirstBurstLengthIsOutOfOrder() {
        DataOutAssembly a = unsolicited(16384, 4096, false);

        assertThat(offer(a, dataOut(false, NONE, 0, 4096, 4097))).isEqualTo(Verdict.UNSOLICITED_OUT_OF_ORDER);
        assertThat(offer(a, dataOut(true, NONE, 0, 4096, 4096))).as("up to FirstBurstLength")
                .isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void dataSnGapDiscardsThatAndLaterDataAndStopsR2Ts() {
        DataOutAssembly a = unsolicited(16384, 0, false);
        assertThat(offer(a, dataOut(false, NONE, 0, 0, 512))).isEqualTo(Verdict.ACCEPT);

        assertThat(offer(a, dataOut(false, NONE, 2, 512, 512))).isEqualTo(Verdict.DATASN_GAP);
        assertThat(offer(a, dataOut(true, NONE, 2, 1024, 512))).isEqualTo(Verdict.DISCARDED);

        assertThat(buffer.getByte(512)).as("gap data dropped").isZero();
        assertThat(a.received()).isEqualTo(1536);
        assertThat(a.sequenceError()).isTrue();
        assertThat(a.mayOpenBurst()).isFalse();
        assertThat(a.complete()).as("no burst outstanding").isTrue();
    }

    @Test
    void burstsFollowMaxBurstLengthAndMaxOutstandingR2T() {
        DataOutAssembly a = unsolicited(16384, 1024, true);

        DataOutAssembly.Burst first = a.openBurst(7);
        DataOutAssembly.Burst second = a.openBurst(8);

        assertThat(List.of(first.r2tSn, first.offset, first.length)).containsExactly(0, 1024, 4096);
        assertThat(List.of(second.r2tSn, second.offset, second.length)).containsExactly(1, 5120, 4096);
        assertThat(a.mayOpenBurst()).as("MaxOutstandingR2T 2").isFalse();
        assertThat(offer(a, dataOut(false, 7, 0, 1024, 2048))).isEqualTo(Verdict.ACCEPT);
        assertThat(offer(a, dataOut(true, 7, 1, 3072, 2048))).isEqualTo(Verdict.ACCEPT);
        assertThat(a.mayOpenBurst()).as("the first burst is complete").isTrue();
        DataOutAssembly.Burst last = a.openBurst(9);
        assertThat(List.of(last.r2tSn, last.offset, last.length)).containsExactly(2, 9216, 4096);
        DataOutAssembly.Burst tail = a.openBurst(10);
        assertThat(List.of(tail.offset, tail.length)).as("ends at EDTL").containsExactly(13312, 3072);
        assertThat(a.r2tCount()).isEqualTo(4);
    }

    @Test
    void aTttOfNoOutstandingR2TIsUnknown() {
        DataOutAssembly a = unsolicited(16384, 0, true);
        a.openBurst(7);

        assertThat(offer(a, dataOut(false, 8, 0, 0, 512))).isEqualTo(Verdict.UNKNOWN_TTT);
    }

    @Test
    void aCompletedBurstsTttIsUnknown() {
        DataOutAssembly a = unsolicited(16384, 0, true);
        a.openBurst(7);
        assertThat(offer(a, dataOut(true, 7, 0, 0, 4096))).isEqualTo(Verdict.ACCEPT);

        assertThat(offer(a, dataOut(false, 7, 1, 4096, 512))).isEqualTo(Verdict.UNKNOWN_TTT);
    }

    @Test
    void solicitedDataNotAtTheBurstsNextOffsetIsOutOfOrder() {
        DataOutAssembly a = unsolicited(16384, 0, true);
        a.openBurst(7);
        assertThat(offer(a, dataOut(false, 7, 0, 0, 512))).isEqualTo(Verdict.ACCEPT);

        assertThat(offer(a, dataOut(false, 7, 1, 0, 512))).as("repeated").isEqualTo(Verdict.BURST_OUT_OF_ORDER);
        assertThat(offer(a, dataOut(false, 7, 1, 1024, 512))).as("hole").isEqualTo(Verdict.BURST_OUT_OF_ORDER);
    }

    @Test
    void solicitedDataBeyondTheBurstOverMaxBurstLengthIsOutOfOrder() {
        DataOutAssembly a = unsolicited(16384, 0, true);
        a.openBurst(7);

        assertThat(offer(a, dataOut(true, 7, 0, 0, 4097))).isEqualTo(Verdict.BURST_OUT_OF_ORDER);
        assertThat(a.received()).isZero();
    }

    @Test
    void dataSnGapInABurstEndsTheCommandOnceTheOutstandingBurstsAreIn() {
        DataOutAssembly a = unsolicited(16384, 0, true);
        a.openBurst(7);
        a.openBurst(8);

        assertThat(offer(a, dataOut(false, 7, 1, 0, 2048))).isEqualTo(Verdict.DATASN_GAP);
        assertThat(offer(a, dataOut(true, 7, 1, 2048, 2048))).isEqualTo(Verdict.DISCARDED);
        assertThat(a.complete()).as("burst 8 outstanding").isFalse();
        assertThat(offer(a, dataOut(true, 8, 0, 4096, 4096))).isEqualTo(Verdict.DISCARDED);

        assertThat(a.complete()).isTrue();
        assertThat(a.mayOpenBurst()).isFalse();
        assertThat(buffer.getByte(4096)).isZero();
    }

    @Test
    void allDataInOrderCompletesTheCommand() {
        DataOutAssembly a = unsolicited(8192, 4096, false);
        assertThat(offer(a, dataOut(true, NONE, 0, 4096, 2048))).isEqualTo(Verdict.ACCEPT);
        assertThat(a.complete()).isFalse();
        a.openBurst(3);

        assertThat(offer(a, dataOut(true, 3, 0, 6144, 2048))).isEqualTo(Verdict.ACCEPT);

        assertThat(a.complete()).isTrue();
        assertThat(a.data().remaining()).isEqualTo(8192);
    }

    @Test
    void placementNeedsASingleNioBuffer() {
        ByteBuf composite = Unpooled.wrappedBuffer(new byte[512], new byte[512]);
        DataOutAssembly a = new DataOutAssembly(ITT, 1024, composite, 0, false, params(false, true, 8192, 4096, 1));
        made.add(a);

        assertThat(a.placementWindow(ITT, NONE, 0, 0, 1024)).isNull();
        assertThat(a.receive(dataOut(false, NONE, 0, 0, 1024), false)).isEqualTo(Verdict.ACCEPT);
    }

    // ---------------------------------------------------------------- SCSI Command fields

    private static PduFieldException commandError(boolean read, boolean write, boolean fin, int edtl, int immediate,
                                                  boolean immediateData) {
        return DataOutAssembly.commandFieldError(read, write, fin, edtl, immediate,
                params(false, immediateData, 8192, 4096, 1));
    }

    @Test
    void wellFormedCommandsPass() {
        assertThat(commandError(true, false, true, 4096, 0, true)).isNull();
        assertThat(commandError(false, true, false, 16384, 8192, true)).isNull();
        assertThat(commandError(false, true, true, 512, 512, true)).isNull();
        assertThat(commandError(false, false, true, 0, 0, false)).isNull();
        assertThat(commandError(false, true, false, -1, 1024, true)).as("EDTL 0xffffffff is unsigned").isNull();
    }

    @Test
    void eachMalformedCommandNamesItsFault() {
        assertFault(commandError(true, true, true, 512, 0, true), RejectReason.INVALID_PDU_FIELD,
                "bidirectional commands are not supported");
        assertFault(commandError(true, false, false, 512, 0, true), RejectReason.INVALID_PDU_FIELD,
                "F bit clear on a command without write data");
        assertFault(commandError(false, false, true, 512, 0, true), RejectReason.INVALID_PDU_FIELD,
                "EDTL 512 with neither R nor W");
        assertFault(commandError(true, false, true, 512, 512, true), RejectReason.PROTOCOL_ERROR,
                "immediate data on a command without W");
        assertFault(commandError(false, true, true, 512, 512, false), RejectReason.PROTOCOL_ERROR,
                "immediate data while ImmediateData=No");
        assertFault(commandError(false, true, true, 512, 1024, true), RejectReason.PROTOCOL_ERROR,
                "immediate data 1024 exceeds EDTL 512");
        assertFault(commandError(false, true, false, 16384, 8193, true), RejectReason.INVALID_PDU_FIELD,
                "immediate data 8193 exceeds FirstBurstLength 8192");
        assertFault(commandError(false, true, false, 512, 512, true), RejectReason.PROTOCOL_ERROR,
                "all data immediate but F bit clear");
    }

    private static void assertFault(PduFieldException e, RejectReason reason, String message) {
        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.getMessage()).isEqualTo(message);
    }
}
