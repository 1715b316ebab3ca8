package io.glio.engine.iscsi;

import io.glio.engine.iscsi.pdu.Bhs;
import io.glio.engine.iscsi.pdu.DataIn;
import io.glio.engine.iscsi.pdu.DataOut;
import io.glio.engine.iscsi.pdu.LoginResponse;
import io.glio.engine.iscsi.pdu.LogoutRequest;
import io.glio.engine.iscsi.pdu.LogoutResponse;
import io.glio.engine.iscsi.pdu.Lun;
import io.glio.engine.iscsi.pdu.NopIn;
import io.glio.engine.iscsi.pdu.NopOut;
import io.glio.engine.iscsi.pdu.Opcode;
import io.glio.engine.iscsi.pdu.RawPdu;
import io.glio.engine.iscsi.pdu.ReadyToTransfer;
import io.glio.engine.iscsi.pdu.Reject;
import io.glio.engine.iscsi.pdu.ScsiCommandRequest;
import io.glio.engine.iscsi.pdu.ScsiResponse;
import io.glio.engine.iscsi.pdu.TaskManagementReply;
import io.glio.engine.iscsi.pdu.TaskManagementRequest;
import io.glio.engine.iscsi.pdu.TextRequest;
import io.glio.engine.iscsi.pdu.TextResponse;
import io.glio.engine.iscsi.session.ConnectionTimeouts;
import io.glio.engine.iscsi.session.IscsiConnection;
import io.glio.engine.iscsi.session.SessionRegistry;
import io.glio.engine.model.TargetModel;
import io.glio.engine.model.Tpg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The full feature phase of one connection, driven PDU by PDU on an EmbeddedChannel. */
class IscsiConnectionTest {

    static final String TARGET = "iqn.2026-11.io.glio:unit";
    static final String INITIATOR = "iqn.2026-11.io.glio:tester";

    private final TargetModel model = new TargetModel();
    private final RamDiskScsi scsi = new RamDiskScsi(1024 * 1024, false);
    private final SessionRegistry registry = new SessionRegistry();
    /** Direct buffers, as Netty's default allocator gives them: command buffers can be read into in place. */
    private final TrackingAllocator allocator = new TrackingAllocator(true);
    private final List<TestInitiator> initiators = new ArrayList<>();
    private ConnectionTimeouts timeouts = ConnectionTimeouts.LIO_DEFAULTS;
    private Tpg tpg;

    @BeforeEach
    void setUp() {
        tpg = TestTargets.demo(model, TARGET, 13270);
    }

    @AfterEach
    void noBufferLeaks() {
        for (TestInitiator i : initiators) {
            i.received();
            i.channel.finishAndReleaseAll();
        }
        assertThat(allocator.unreleased()).as("unreleased buffers").isEmpty();
    }

    private TestInitiator initiator() {
        TestInitiator i = new TestInitiator(new PortalServices(model, new PortalAddress("127.0.0.1", 13270), scsi,
                registry, timeouts), allocator);
        initiators.add(i);
        return i;
    }

    private TestInitiator loggedIn(String... keys) {
        TestInitiator i = initiator();
        List<String> kv = new ArrayList<>(List.of("InitiatorName", INITIATOR, "TargetName", TARGET,
                "SessionType", "Normal"));
        kv.addAll(List.of(keys));
        LoginResponse r = i.login(0x400000000001L, kv.toArray(String[]::new));
        assertThat(r.statusClass()).as("login status").isZero();
        assertThat(r.nsg()).isEqualTo(3);
        return i;
    }

    @Test
    void testUnitReadyIsAnsweredGoodWithTheNextStatSn() {
        TestInitiator i = loggedIn();
        ScsiCommandRequest tur = i.command(new byte[6], false, false, 0, null, true);

        i.send(tur.encode());
        List<RawPdu> out = i.received();

        assertThat(out).hasSize(1);
        ScsiResponse r = ScsiResponse.decode(out.get(0));
        assertThat(r.status()).isZero();
        assertThat(r.initiatorTaskTag()).isEqualTo(tur.initiatorTaskTag());
        assertThat(r.expCmdSn()).isEqualTo(tur.cmdSn() + 1);
        assertThat(r.maxCmdSn()).isEqualTo(tur.cmdSn() + 64);
        assertThat(scsi.opened).hasSize(1);
        assertThat(scsi.opened.get(0).initiatorPortName()).isEqualTo(INITIATOR + ",i,0x400000000001");
        assertThat(scsi.opened.get(0).targetPortName()).isEqualTo(TARGET + ",t,0x0001");
    }

    @Test
    void aReadIsSplitAtTheInitiatorsSegmentLimitAndCollapsesStatusIntoTheLastDataIn() {
        TestInitiator i = loggedIn("MaxRecvDataSegmentLength", "4096");
        for (int b = 0; b < 8192; b++) {
            scsi.disk()[512 + b] = (byte) b;
        }
        i.send(i.command(TestInitiator.read10(1, 16), true, false, 8192, null, true).encode());
        List<RawPdu> out = i.received();

        assertThat(out).extracting(TestInitiator::opcode).containsExactly(0x25, 0x25);
        DataIn first = DataIn.decode(out.get(0));
        DataIn last = DataIn.decode(out.get(1));
        assertThat(first.statusPresent()).isFalse();
        assertThat(first.dataSn()).isZero();
        assertThat(last.dataSn()).isEqualTo(1);
        assertThat(last.bufferOffset()).isEqualTo(4096);
        assertThat(last.statusPresent()).isTrue();
        assertThat(last.fin()).isTrue();
        assertThat(last.status()).isZero();
        assertThat(last.underflow() || last.overflow()).isFalse();
        assertThat(last.data().get(0)).isEqualTo((byte) 4096);
    }

    @Test
    void aShortInquiryAnswerReportsResidualUnderflow() {
        TestInitiator i = loggedIn();
        byte[] cdb = {0x12, 0, 0, 0, (byte) 255, 0};
        i.send(i.command(cdb, true, false, 255, null, true).encode());
        DataIn d = DataIn.decode(i.received().get(0));

        assertThat(d.data().remaining()).isEqualTo(36);
        assertThat(d.statusPresent()).isTrue();
        assertThat(d.underflow()).isTrue();
        assertThat(d.residualCount()).isEqualTo(255 - 36);
    }

    @Test
    void aReadLongerThanTheExpectedLengthReportsOverflow() {
        TestInitiator i = loggedIn();
        i.send(i.command(TestInitiator.read10(0, 8), true, false, 2048, null, true).encode());
        DataIn d = DataIn.decode(i.received().get(0));

        assertThat(d.data().remaining()).isEqualTo(2048);
        assertThat(d.overflow()).isTrue();
        assertThat(d.residualCount()).isEqualTo(2048);
    }

    @Test
    void aCheckConditionComesAsScsiResponseWithSense() {
        TestInitiator i = loggedIn();
        i.send(i.command(TestInitiator.read10(100000, 1), true, false, 512, null, true).encode());
        List<RawPdu> out = i.received();

        assertThat(out).extracting(TestInitiator::opcode).containsExactly(0x21);
        ScsiResponse r = ScsiResponse.decode(out.get(0));
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.senseData()[12]).isEqualTo((byte) 0x21);
    }

    @Test
    void aWriteTakesImmediateDataThenOneR2tPerBurst() {
        TestInitiator i = loggedIn("MaxBurstLength", "16384", "FirstBurstLength", "8192");
        byte[] data = new byte[49152];
        new java.util.Random(3).nextBytes(data);
        ScsiCommandRequest w = i.command(TestInitiator.write10(4, 96), false, true, data.length,
                java.util.Arrays.copyOf(data, 8192), true);
        i.send(w.encode());

        int r2ts = 0;
        int expectedOffset = 8192;
        List<RawPdu> out = i.received();
        while (!out.isEmpty() && TestInitiator.opcode(out.get(0)) == 0x31) {
            assertThat(out).hasSize(1);
            ReadyToTransfer r2t = ReadyToTransfer.decode(out.get(0));
            assertThat(r2t.bufferOffset()).isEqualTo(expectedOffset);
            assertThat(r2t.r2tSn()).isEqualTo(r2ts++);
            assertThat(r2t.desiredDataTransferLength()).isEqualTo(Math.min(16384, data.length - expectedOffset));
            int sn = 0;
            for (int off = r2t.bufferOffset(); off < r2t.bufferOffset() + r2t.desiredDataTransferLength(); off += 8192) {
                int n = Math.min(8192, r2t.bufferOffset() + r2t.desiredDataTransferLength() - off);
                i.send(new DataOut(off + n == r2t.bufferOffset() + r2t.desiredDataTransferLength(), Lun.encode(0),
                        w.initiatorTaskTag(), r2t.targetTransferTag(), 0, sn++, off,
                        ByteBuffer.wrap(data, off, n)).encode());
            }
            expectedOffset += r2t.desiredDataTransferLength();
            out = i.received();
        }

        assertThat(r2ts).isEqualTo(3);
        assertThat(out).hasSize(1);
        ScsiResponse r = ScsiResponse.decode(out.get(0));
        assertThat(r.status()).isZero();
        assertThat(r.expDataSn()).as("R2Ts + Data-Ins").isEqualTo(3);
        assertThat(java.util.Arrays.copyOfRange(scsi.disk(), 2048, 2048 + data.length)).isEqualTo(data);
    }

    @Test
    void withInitialR2tNoTheFirstBurstComesUnsolicitedAndR2tsFollowIt() {
        model.setTpgParameter(tpg, "InitialR2T", "No");
        TestInitiator i = loggedIn("InitialR2T", "No", "FirstBurstLength", "4096");
        byte[] data = new byte[8192];
        new java.util.Random(5).nextBytes(data);
        ScsiCommandRequest w = i.command(TestInitiator.write10(0, 16), false, true, data.length,
                java.util.Arrays.copyOf(data, 1024), false);
        i.send(w.encode());
        assertThat(i.received()).as("no R2T before the unsolicited burst ends").isEmpty();

        i.send(new DataOut(true, 0, w.initiatorTaskTag(), Bhs.RESERVED_TAG, 0, 0, 1024,
                ByteBuffer.wrap(data, 1024, 3072)).encode());
        ReadyToTransfer r2t = ReadyToTransfer.decode(i.received().get(0));
        assertThat(r2t.bufferOffset()).isEqualTo(4096);
        assertThat(r2t.desiredDataTransferLength()).isEqualTo(4096);

        i.send(new DataOut(true, 0, w.initiatorTaskTag(), r2t.targetTransferTag(), 0, 0, 4096,
                ByteBuffer.wrap(data, 4096, 4096)).encode());
        assertThat(ScsiResponse.decode(i.received().get(0)).status()).isZero();
        assertThat(java.util.Arrays.copyOf(scsi.disk(), 8192)).isEqualTo(data);
    }

    @Test
    void unsolicitedDataWhileInitialR2tIsYesDropsTheConnection() {
        TestInitiator i = loggedIn("InitialR2T", "No");
        ScsiCommandRequest w = i.command(TestInitiator.write10(0, 2), false, true, 1024, null, false);
        i.send(w.encode());
        i.received();
        i.send(new DataOut(true, 0, w.initiatorTaskTag(), Bhs.RESERVED_TAG, 0, 0, 0,
                ByteBuffer.wrap(new byte[512])).encode());
        assertThat(i.channel.isOpen()).isFalse();
    }

    @Test
    void dataOutBeyondTheExpectedLengthIsRejected() {
        TestInitiator i = loggedIn();
        ScsiCommandRequest w = i.command(TestInitiator.write10(0, 1), false, true, 512, null, true);
        i.send(w.encode());
        ReadyToTransfer r2t = ReadyToTransfer.decode(i.received().get(0));

        i.send(new DataOut(true, 0, w.initiatorTaskTag(), r2t.targetTransferTag(), 0, 0, 256,
                ByteBuffer.wrap(new byte[512])).encode());
        List<RawPdu> out = i.received();

        assertThat(out).extracting(TestInitiator::opcode).containsExactly(0x3f);
        assertThat(Reject.reasonCode(out.get(0))).isEqualTo(0x09);
    }

    /**
     * Sends a 2-block WRITE (ImmediateData off, as libiscsi's iSCSIdatasn does), answers its R2T
     * with one Data-Out per block carrying the given DataSNs, and returns what the target sent.
     */
    private List<RawPdu> writeTwoBlocksWithDataSns(TestInitiator i, int... dataSns) {
        ScsiCommandRequest w = i.command(TestInitiator.write10(8, dataSns.length), false, true,
                512 * dataSns.length, null, true);
        i.send(w.encode());
        ReadyToTransfer r2t = ReadyToTransfer.decode(i.received().get(0));
        assertThat(r2t.desiredDataTransferLength()).isEqualTo(512 * dataSns.length);
        byte[] block = new byte[512];
        java.util.Arrays.fill(block, (byte) 0x5a);
        for (int n = 0; n < dataSns.length; n++) {
            i.send(new DataOut(n == dataSns.length - 1, 0, w.initiatorTaskTag(), r2t.targetTransferTag(), 0,
                    dataSns[n], 512 * n, ByteBuffer.wrap(block)).encode());
        }
        return i.received();
    }

    /** Sends a 2-block WRITE without immediate data; returns its first R2T. */
    private static ReadyToTransfer startTwoBlockWrite(TestInitiator i) {
        i.send(i.command(TestInitiator.write10(8, 2), false, true, 1024, null, true).encode());
        return ReadyToTransfer.decode(i.received().get(0));
    }

    /** One zero-filled 512-byte Data-Out answering {@code r2t}. */
    private static void sendBlock(TestInitiator i, ReadyToTransfer r2t, boolean fin, int dataSn, int offset) {
        i.send(new DataOut(fin, 0, r2t.initiatorTaskTag(), r2t.targetTransferTag(), 0, dataSn, offset,
                ByteBuffer.wrap(new byte[512])).encode());
    }

    private static void assertProtocolServiceCrcError(List<RawPdu> out) {
        assertThat(out).extracting(TestInitiator::opcode).containsExactly(0x21);
        ScsiResponse r = ScsiResponse.decode(out.get(0));
        assertThat(r.status()).as("CHECK CONDITION").isEqualTo(2);
        assertThat(r.senseData()[2]).as("sense key ABORTED COMMAND").isEqualTo((byte) 0x0b);
        assertThat(r.senseData()[12]).as("ASC").isEqualTo((byte) 0x47);
        assertThat(r.senseData()[13]).as("ASCQ").isEqualTo((byte) 0x05);
    }

    private void assertStillServing(TestInitiator i) {
        assertThat(i.channel.isOpen()).as("connection open").isTrue();
        i.send(i.command(new byte[6], false, false, 0, null, true).encode());
        assertThat(ScsiResponse.decode(i.received().get(0)).status()).isZero();
        assertThat(java.util.Arrays.copyOfRange(scsi.disk(), 8 * 512, 10 * 512)).as("nothing written")
                .containsOnly((byte) 0);
    }

    @Test
    void aRepeatedDataSnEndsTheWriteWithProtocolServiceCrcErrorAndKeepsTheConnection() {
        TestInitiator i = loggedIn("ImmediateData", "No");
        assertProtocolServiceCrcError(writeTwoBlocksWithDataSns(i, 0, 0));
        assertStillServing(i);
    }

    @Test
    void aDataSnAheadOfTheExpectedOneEndsTheWriteWithProtocolServiceCrcError() {
        TestInitiator i = loggedIn("ImmediateData", "No");
        assertProtocolServiceCrcError(writeTwoBlocksWithDataSns(i, 27));
        assertProtocolServiceCrcError(writeTwoBlocksWithDataSns(i, -1));
        assertStillServing(i);
    }

    @Test
    void dataSnsInReverseOrderEndTheWriteOnlyAfterItsLastDataOut() {
        TestInitiator i = loggedIn("ImmediateData", "No");
        ReadyToTransfer r2t = startTwoBlockWrite(i);

        sendBlock(i, r2t, false, 1, 0);
        assertThat(i.received()).as("RFC 7143 §7.1.1: no status before the burst's data is in").isEmpty();
        sendBlock(i, r2t, true, 0, 512);

        assertProtocolServiceCrcError(i.received());
        assertStillServing(i);
    }

    @Test
    void aDataSnErrorInTheFirstBurstAsksForNoMoreBursts() {
        TestInitiator i = loggedIn("ImmediateData", "No", "MaxBurstLength", "512");
        ReadyToTransfer r2t = startTwoBlockWrite(i);
        assertThat(r2t.desiredDataTransferLength()).isEqualTo(512);

        sendBlock(i, r2t, true, 5, 0);

        assertProtocolServiceCrcError(i.received());
        assertStillServing(i);
    }

    @Test
    void anUnsolicitedDataOutWithTheWrongDataSnEndsTheWriteWithoutAnR2t() {
        model.setTpgParameter(tpg, "InitialR2T", "No");
        TestInitiator i = loggedIn("InitialR2T", "No", "ImmediateData", "No");
        ScsiCommandRequest w = i.command(TestInitiator.write10(8, 2), false, true, 1024, null, false);
        i.send(w.encode());
        assertThat(i.received()).isEmpty();

        i.send(new DataOut(true, 0, w.initiatorTaskTag(), Bhs.RESERVED_TAG, 0, 3, 0,
                ByteBuffer.wrap(new byte[512])).encode());

        assertProtocolServiceCrcError(i.received());
        assertStillServing(i);
    }

    @Test
    void aDataOutAtAnOffsetOtherThanTheNextOneDropsTheConnection() {
        TestInitiator i = loggedIn("ImmediateData", "No");
        ReadyToTransfer r2t = startTwoBlockWrite(i);

        sendBlock(i, r2t, true, 0, 512);

        assertThat(i.channel.isOpen()).isFalse();
    }

    @Test
    void commandsAreExecutedInCmdSnOrderWhateverTheirArrival() {
        TestInitiator i = loggedIn();
        ScsiCommandRequest first = i.command(new byte[6], false, false, 0, null, true);
        ScsiCommandRequest second = i.command(new byte[6], false, false, 0, null, true);

        i.send(second.encode());
        assertThat(i.received()).isEmpty();
        i.send(first.encode());

        assertThat(i.received()).extracting(p -> p.initiatorTaskTag())
                .containsExactly(first.initiatorTaskTag(), second.initiatorTaskTag());
    }

    @Test
    void aCommandOutsideTheWindowIsDroppedSilently() {
        TestInitiator i = loggedIn();
        ScsiCommandRequest c = i.command(new byte[6], false, false, 0, null, true);
        i.send(new ScsiCommandRequest(false, true, false, false, 1, 0, 9, 0, c.cmdSn() + 1000, 0,
                new byte[16], ByteBuffer.allocate(0)).encode());
        assertThat(i.received()).isEmpty();
        i.send(c.encode());
        assertThat(i.received()).hasSize(1);
    }

    @Test
    void commandsBeyondTheConnectionBufferBudgetAreAnsweredTaskSetFull() {
        TestInitiator i = loggedIn();
        int quarter = (int) (IscsiConnection.CONNECTION_BUFFER_BUDGET / 4);
        ScsiCommandRequest first = i.command(new byte[6], false, false, 0, null, true);
        List<ScsiCommandRequest> big = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            big.add(i.command(TestInitiator.read10(0, 1), true, false, quarter, null, true));
        }
        ScsiCommandRequest over = i.command(TestInitiator.read10(0, 1), true, false, 512, null, true);
        // Queued behind the missing first CmdSN, the big reads hold the whole budget.
        big.forEach(c -> i.send(c.encode()));
        i.send(over.encode());
        assertThat(i.received()).isEmpty();

        i.send(first.encode());
        List<RawPdu> out = i.received();

        assertThat(out).hasSize(6);
        RawPdu full = out.stream().filter(p -> p.initiatorTaskTag() == over.initiatorTaskTag()).findFirst().orElseThrow();
        assertThat(ScsiResponse.decode(full).status()).isEqualTo(0x28);
        assertThat(out).filteredOn(p -> TestInitiator.opcode(p) == 0x25).hasSize(4)
                .allSatisfy(p -> assertThat(DataIn.decode(p).statusPresent()).isTrue());
    }

    @Test
    void aNopOutIsEchoedWithItsPingData() {
        TestInitiator i = loggedIn();
        i.send(new NopOut(true, 0, 0x55, Bhs.RESERVED_TAG, i.cmdSn, 0, new byte[]{1, 2, 3}).encode());
        NopIn n = NopIn.decode(i.received().get(0));
        assertThat(n.initiatorTaskTag()).isEqualTo(0x55);
        assertThat(n.targetTransferTag()).isEqualTo(Bhs.RESERVED_TAG);
        assertThat(n.pingData()).containsExactly(1, 2, 3);
    }

    @Test
    void anIdleSessionIsPingedAndDroppedWhenThePingGoesUnanswered() throws Exception {
        timeouts = new ConnectionTimeouts(Duration.ofSeconds(15), Duration.ofMillis(30), Duration.ofMillis(60));
        TestInitiator i = loggedIn();
        Thread.sleep(80);
        i.channel.runScheduledPendingTasks();
        List<RawPdu> out = i.received();
        assertThat(out).extracting(TestInitiator::opcode).containsExactly(0x20);
        NopIn ping = NopIn.decode(out.get(0));
        assertThat(ping.initiatorTaskTag()).isEqualTo(Bhs.RESERVED_TAG);
        assertThat(ping.targetTransferTag()).isNotEqualTo(Bhs.RESERVED_TAG);

        Thread.sleep(100);
        i.channel.runScheduledPendingTasks();
        i.channel.runPendingTasks();

        assertThat(i.channel.isOpen()).isFalse();
        assertThat(scsi.nexusLost.get()).isEqualTo(1);
    }

    @Test
    void anAnsweredPingKeepsTheSession() throws Exception {
        timeouts = new ConnectionTimeouts(Duration.ofSeconds(15), Duration.ofMillis(30), Duration.ofMillis(60));
        TestInitiator i = loggedIn();
        Thread.sleep(80);
        i.channel.runScheduledPendingTasks();
        NopIn ping = NopIn.decode(i.received().get(0));
        i.send(new NopOut(true, 0, Bhs.RESERVED_TAG, ping.targetTransferTag(), i.cmdSn, 0, new byte[0]).encode());
        Thread.sleep(40);
        i.channel.runScheduledPendingTasks();
        assertThat(i.channel.isOpen()).isTrue();
    }

    @Test
    void abortingAWriteStillWaitingForDataCompletesWithoutAResponseForTheTask() {
        TestInitiator i = loggedIn();
        ScsiCommandRequest w = i.command(TestInitiator.write10(0, 1), false, true, 512, null, true);
        i.send(w.encode());
        assertThat(i.received()).extracting(TestInitiator::opcode).containsExactly(0x31);

        i.send(new TaskManagementRequest(true, 1, 0, 0x999, w.initiatorTaskTag(), i.cmdSn, 0, w.cmdSn()).encode());
        List<RawPdu> out = i.received();

        assertThat(out).extracting(TestInitiator::opcode).containsExactly(0x22);
        assertThat(TaskManagementReply.decode(out.get(0)).response()).isZero();
        assertThat(scsi.commands.get()).isZero();
    }

    @Test
    void abortingAnUnknownTaskSaysItDoesNotExist() {
        TestInitiator i = loggedIn();
        i.send(i.command(new byte[6], false, false, 0, null, true).encode());
        i.received();
        i.send(new TaskManagementRequest(true, 1, 0, 0x999, 0x4242, i.cmdSn, 0, i.cmdSn - 1).encode());
        assertThat(TaskManagementReply.decode(i.received().get(0)).response()).isEqualTo(1);
    }

    @Test
    void aLunResetGoesToTheScsiLayer() {
        TestInitiator i = loggedIn();
        i.send(new TaskManagementRequest(false, 5, Lun.encode(3), 0x999, Bhs.RESERVED_TAG, i.cmdSn++, 0, 0).encode());
        assertThat(TaskManagementReply.decode(i.received().get(0)).response()).isEqualTo(2);
    }

    @Test
    void snackIsRejectedAsAProtocolError() {
        TestInitiator i = loggedIn();
        byte[] snack = Bhs.create(Opcode.SNACK_REQUEST, false);
        snack[1] = (byte) 0x80;
        i.send(RawPdu.of(snack, new byte[0]));
        RawPdu r = i.received().get(0);
        assertThat(TestInitiator.opcode(r)).isEqualTo(0x3f);
        assertThat(Reject.reasonCode(r)).isEqualTo(0x04);
        assertThat(r.dataBytes()).hasSize(48).startsWith((byte) 0x10);
    }

    @Test
    void anUndefinedOpcodeIsRejectedAsNotSupported() {
        TestInitiator i = loggedIn();
        i.send(rawWithOpcode(0x1c));
        assertThat(Reject.reasonCode(i.received().get(0))).isEqualTo(0x05);
    }

    private static RawPdu rawWithOpcode(int opcode) {
        byte[] b = new byte[48];
        b[0] = (byte) opcode;
        return RawPdu.of(b, new byte[0]);
    }

    @Test
    void aBidirectionalCommandIsAnInvalidPduField() {
        TestInitiator i = loggedIn();
        i.send(i.command(TestInitiator.read10(0, 1), true, true, 512, null, true).encode());
        assertThat(Reject.reasonCode(i.received().get(0))).isEqualTo(0x09);
    }

    @Test
    void aRejectedCommandUsesUpItsCmdSnSoTheNextOneRuns() {
        TestInitiator i = loggedIn();
        ScsiCommandRequest bad = i.command(TestInitiator.read10(0, 1), true, true, 512, null, true);
        ScsiCommandRequest next = i.command(new byte[6], false, false, 0, null, true);
        i.send(bad.encode());
        i.send(next.encode());
        List<RawPdu> out = i.received();
        assertThat(out).extracting(TestInitiator::opcode).containsExactly(0x3f, 0x21);
        assertThat(ScsiResponse.decode(out.get(1)).expCmdSn()).isEqualTo(next.cmdSn() + 1);
    }

    @Test
    void aDataSegmentOverTheDeclaredLimitIsRejectedAndTheConnectionDropped() {
        TestInitiator i = loggedIn();
        byte[] bhs = Bhs.create(Opcode.DATA_OUT, false);
        Bhs.put24(bhs, 5, 262145);
        i.sendBytes(bhs);
        List<RawPdu> out = i.received();
        assertThat(out).extracting(TestInitiator::opcode).containsExactly(0x3f);
        assertThat(Reject.reasonCode(out.get(0))).isEqualTo(0x04);
        assertThat(i.channel.isOpen()).isFalse();
    }

    @Test
    void headerAndDataDigestsAreUsedAfterTheFinalLoginResponse() {
        TestInitiator i = loggedIn("HeaderDigest", "CRC32C", "DataDigest", "CRC32C");
        i.digests(true, true);
        i.send(new NopOut(true, 0, 0x56, Bhs.RESERVED_TAG, i.cmdSn, 0, new byte[]{4, 5}).encode());
        NopIn n = NopIn.decode(i.received().get(0));
        assertThat(n.pingData()).containsExactly(4, 5);
    }

    @Test
    void aBadDataDigestIsRejected() {
        TestInitiator i = loggedIn("DataDigest", "CRC32C");
        i.digests(false, true);
        byte[] wire = io.glio.engine.iscsi.pdu.PduEncoder.toBytes(
                new NopOut(true, 0, 0x56, Bhs.RESERVED_TAG, i.cmdSn, 0, new byte[]{4, 5}).encode(), false, true);
        wire[wire.length - 1] ^= 1;
        i.sendBytes(wire);
        assertThat(Reject.reasonCode(i.received().get(0))).isEqualTo(0x02);
        assertThat(i.channel.isOpen()).isTrue();
    }

    private static void sendByteByByte(TestInitiator i, RawPdu pdu, boolean dataDigest) {
        for (byte b : io.glio.engine.iscsi.pdu.PduEncoder.toBytes(pdu, false, dataDigest)) {
            i.sendBytes(new byte[]{b});
        }
    }

    @Test
    void writeDataArrivingOneByteAtATimeLandsIntactWithDataDigests() {
        TestInitiator i = loggedIn("DataDigest", "CRC32C", "FirstBurstLength", "4096");
        i.digests(false, true);
        byte[] data = new byte[6144];
        new java.util.Random(11).nextBytes(data);
        ScsiCommandRequest w = i.command(TestInitiator.write10(16, 12), false, true, data.length,
                java.util.Arrays.copyOf(data, 4096), true);

        sendByteByByte(i, w.encode(), true);
        ReadyToTransfer r2t = ReadyToTransfer.decode(i.received().get(0));
        assertThat(r2t.bufferOffset()).isEqualTo(4096);
        sendByteByByte(i, new DataOut(true, 0, w.initiatorTaskTag(), r2t.targetTransferTag(), 0, 0, 4096,
                ByteBuffer.wrap(data, 4096, 2048)).encode(), true);

        assertThat(ScsiResponse.decode(i.received().get(0)).status()).isZero();
        assertThat(java.util.Arrays.copyOfRange(scsi.disk(), 16 * 512, 16 * 512 + data.length)).isEqualTo(data);
    }

    @Test
    void aLargeWriteIsReadStraightIntoItsCommandBufferAndLandsIntactWithDataDigests() {
        TestInitiator i = loggedIn("DataDigest", "CRC32C", "FirstBurstLength", "65536", "MaxBurstLength", "262144");
        i.digests(false, true);
        byte[] data = new byte[256 * 1024];
        new java.util.Random(17).nextBytes(data);
        ScsiCommandRequest w = i.command(TestInitiator.write10(8, 512), false, true, data.length,
                java.util.Arrays.copyOf(data, 65536), true);

        int inPlace = i.sendAsSocketReads(io.glio.engine.iscsi.pdu.PduEncoder.toBytes(w.encode(), false, true), 20000);
        ReadyToTransfer r2t = ReadyToTransfer.decode(i.received().get(0));
        assertThat(r2t.bufferOffset()).isEqualTo(65536);
        assertThat(r2t.desiredDataTransferLength()).isEqualTo(data.length - 65536);
        inPlace += i.sendAsSocketReads(io.glio.engine.iscsi.pdu.PduEncoder.toBytes(new DataOut(true, 0,
                w.initiatorTaskTag(), r2t.targetTransferTag(), 0, 0, 65536,
                ByteBuffer.wrap(data, 65536, data.length - 65536)).encode(), false, true), 20000);

        assertThat(ScsiResponse.decode(i.received().get(0)).status()).isZero();
        assertThat(java.util.Arrays.copyOfRange(scsi.disk(), 8 * 512, 8 * 512 + data.length)).isEqualTo(data);
        // 20000-byte reads: the immediate data's window shrinks below the in-place minimum after
        // two reads in place, the Data-Out's after nine.
        assertThat(inPlace).as("reads that went straight into the command's buffer").isEqualTo(2 + 9);
    }

    @Test
    void immediateDataReadInPlaceWithABadDigestIsRejectedAndItsBufferReleased() {
        TestInitiator i = loggedIn("DataDigest", "CRC32C", "FirstBurstLength", "65536");
        i.digests(false, true);
        ScsiCommandRequest w = i.command(TestInitiator.write10(16, 128), false, true, 65536, new byte[65536], true);
        byte[] wire = io.glio.engine.iscsi.pdu.PduEncoder.toBytes(w.encode(), false, true);
        wire[wire.length - 1] ^= 1;

        assertThat(i.sendAsSocketReads(wire, 65536)).isPositive();

        assertThat(Reject.reasonCode(i.received().get(0))).isEqualTo(0x02);
        assertThat(i.channel.isOpen()).isTrue();
        i.channel.finishAndReleaseAll();
        assertThat(allocator.unreleased()).isEmpty();
    }

    @Test
    void immediateDataWithABadDigestIsRejectedAndItsBufferReleased() {
        TestInitiator i = loggedIn("DataDigest", "CRC32C");
        i.digests(false, true);
        ScsiCommandRequest w = i.command(TestInitiator.write10(16, 1), false, true, 512, new byte[512], true);
        byte[] wire = io.glio.engine.iscsi.pdu.PduEncoder.toBytes(w.encode(), false, true);
        wire[wire.length - 1] ^= 1;

        i.sendBytes(wire);

        assertThat(Reject.reasonCode(i.received().get(0))).isEqualTo(0x02);
        assertThat(i.channel.isOpen()).isTrue();
        // The buffer the data was received into goes with the next PDU or the connection (noBufferLeaks).
        i.channel.finishAndReleaseAll();
        assertThat(allocator.unreleased()).isEmpty();
    }

    @Test
    void logoutIsAnsweredAndThenTheConnectionCloses() {
        TestInitiator i = loggedIn();
        i.send(new LogoutRequest(false, 0, 0x77, 1, i.cmdSn++, 0).encode());
        LogoutResponse r = LogoutResponse.decode(i.received().get(0));
        assertThat(r.response()).isZero();
        assertThat(r.time2Wait()).isEqualTo(2);
        assertThat(i.channel.isOpen()).isFalse();
        assertThat(scsi.nexusLost.get()).isEqualTo(1);
        assertThat(registry.all()).isEmpty();
    }

    @Test
    void sendTargetsInADiscoverySessionListsThePortals() {
        TestInitiator i = initiator();
        i.login(0x400000000002L, "InitiatorName", INITIATOR, "SessionType", "Discovery");
        i.send(new TextRequest(true, true, false, 0x60, Bhs.RESERVED_TAG, i.cmdSn, 0,
                TestInitiator.text("SendTargets", "All")).encode());
        TextResponse t = TextResponse.decode(i.received().get(0));
        assertThat(new String(t.data(), StandardCharsets.UTF_8))
                .isEqualTo("TargetName=" + TARGET + "\0TargetAddress=127.0.0.1:13270,1\0");
        assertThat(t.fin()).isTrue();
    }

    @Test
    void aSendTargetsAnswerLongerThanTheInitiatorsLimitContinuesOverSeveralPdus() {
        for (int n = 0; n < 20; n++) {
            TestTargets.demo(model, TARGET + "-extra-" + n, 13270);
        }
        TestInitiator i = initiator();
        i.login(0x400000000002L, "InitiatorName", INITIATOR, "SessionType", "Discovery",
                "MaxRecvDataSegmentLength", "512");
        StringBuilder all = new StringBuilder();
        int ttt = Bhs.RESERVED_TAG;
        byte[] request = TestInitiator.text("SendTargets", "All");
        for (int pdus = 1; ; pdus++) {
            i.send(new TextRequest(false, true, false, 0x60 + pdus, ttt, i.cmdSn++, 0, request).encode());
            TextResponse t = TextResponse.decode(i.received().get(0));
            assertThat(t.data().length).isLessThanOrEqualTo(512);
            all.append(new String(t.data(), StandardCharsets.UTF_8));
            if (t.fin()) {
                assertThat(t.cont()).isFalse();
                assertThat(pdus).isGreaterThan(2);
                break;
            }
            assertThat(t.cont()).isTrue();
            ttt = t.targetTransferTag();
            assertThat(ttt).isNotEqualTo(Bhs.RESERVED_TAG);
            request = new byte[0];
        }
        assertThat(all.toString().split("\0")).hasSize(42)
                .contains("TargetName=" + TARGET + "-extra-19", "TargetAddress=127.0.0.1:13270,1");
    }

    @Test
    void anUnknownTextKeyIsRejected() {
        TestInitiator i = initiator();
        i.login(0x400000000002L, "InitiatorName", INITIATOR, "SessionType", "Discovery");
        i.send(new TextRequest(true, true, false, 0x60, Bhs.RESERVED_TAG, i.cmdSn, 0,
                TestInitiator.text("SendTargetsPlease", "All")).encode());
        assertThat(Reject.reasonCode(i.received().get(0))).isEqualTo(0x04);
    }

    @Test
    void aSecondLoginWithTheSameIsidReinstatesTheSession() {
        TestInitiator first = loggedIn();
        TestInitiator second = loggedIn();
        first.channel.runPendingTasks();
        assertThat(first.channel.isOpen()).isFalse();
        assertThat(second.channel.isOpen()).isTrue();
        assertThat(registry.all()).hasSize(1);
        assertThat(scsi.nexusLost.get()).isEqualTo(1);
    }

    @Test
    void anyPduButLoginBeforeFullFeaturePhaseDropsTheConnection() {
        TestInitiator i = initiator();
        i.send(new NopOut(true, 0, 1, Bhs.RESERVED_TAG, 1, 0, new byte[0]).encode());
        assertThat(i.channel.isOpen()).isFalse();
    }
}
