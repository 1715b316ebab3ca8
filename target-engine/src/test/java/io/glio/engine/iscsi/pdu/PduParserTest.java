package io.glio.engine.iscsi.pdu;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PduParserTest {

    private static LoginRequest login(String text) {
        return new LoginRequest(true, false, 1, 3, 0, 0, 0x23d000000001L, 0, 0x10, 1, 5, 7,
                text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<RawPdu> feedByteAtATime(PduParser parser, byte[] wire) throws PduFramingException {
        List<RawPdu> out = new ArrayList<>();
        for (byte b : wire) {
            RawPdu p = parser.parse(ByteBuffer.wrap(new byte[]{b}));
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    @Test
    void aLoginRequestFedOneByteAtATimeDecodesToTheSameFields() throws Exception {
        LoginRequest sent = login("InitiatorName=iqn.x\0SessionType=Normal\0AB");
        byte[] wire = PduEncoder.toBytes(sent.encode(), false, false);
        assertThat(wire.length % 4).isZero();

        List<RawPdu> pdus = feedByteAtATime(new PduParser(), wire);

        assertThat(pdus).hasSize(1);
        LoginRequest got = LoginRequest.decode(pdus.get(0));
        assertThat(got.isid()).isEqualTo(0x23d000000001L);
        assertThat(got.transit()).isTrue();
        assertThat(got.csg()).isEqualTo(1);
        assertThat(got.nsg()).isEqualTo(3);
        assertThat(got.cid()).isEqualTo(1);
        assertThat(got.cmdSn()).isEqualTo(5);
        assertThat(got.data()).isEqualTo(sent.data());
    }

    @Test
    void aPduWithoutDataIsEmittedAsSoonAsItsHeaderIsComplete() throws Exception {
        byte[] wire = PduEncoder.toBytes(new NopOut(true, 0, 1, -1, 0, 0, new byte[0]).encode(), false, false);
        PduParser parser = new PduParser();

        assertThat(parser.parse(ByteBuffer.wrap(wire, 0, 47))).isNull();
        RawPdu pdu = parser.parse(ByteBuffer.wrap(wire, 47, 1));

        assertThat(pdu).isNotNull();
        assertThat(pdu.opcode()).isEqualTo(Opcode.NOP_OUT);
        assertThat(parser.idle()).isTrue();
    }

    @Test
    void twoPdusInOneBufferComeOutOneAfterTheOther() throws Exception {
        byte[] a = PduEncoder.toBytes(login("A=1").encode(), false, false);
        byte[] b = PduEncoder.toBytes(new NopOut(true, 0, 2, -1, 0, 0, new byte[]{1, 2, 3}).encode(), false, false);
        ByteBuffer both = ByteBuffer.allocate(a.length + b.length).put(a).put(b).flip();
        PduParser parser = new PduParser();

        RawPdu first = parser.parse(both);
        RawPdu second = parser.parse(both);

        assertThat(first.opcode()).isEqualTo(Opcode.LOGIN_REQUEST);
        assertThat(second.opcode()).isEqualTo(Opcode.NOP_OUT);
        assertThat(second.dataBytes()).containsExactly(1, 2, 3);
        assertThat(both.hasRemaining()).isFalse();
    }

    @Test
    void digestsAreCheckedOneByteAtATime() throws Exception {
        byte[] wire = PduEncoder.toBytes(new NopOut(true, 0, 3, -1, 0, 0, new byte[]{9, 8, 7, 6, 5}).encode(), true, true);
        assertThat(wire).hasSize(48 + 4 + 8 + 4);
        PduParser parser = new PduParser();
        parser.digests(true, true);

        List<RawPdu> pdus = feedByteAtATime(parser, wire);

        assertThat(pdus).hasSize(1);
        assertThat(pdus.get(0).dataDigestOk()).isTrue();
        assertThat(pdus.get(0).dataBytes()).containsExactly(9, 8, 7, 6, 5);
    }

    @Test
    void aCorruptDataDigestIsReportedOnThePduNotThrown() throws Exception {
        byte[] wire = PduEncoder.toBytes(new NopOut(true, 0, 3, -1, 0, 0, new byte[]{9, 8, 7, 6}).encode(), true, true);
        wire[wire.length - 1] ^= 0x01;
        PduParser parser = new PduParser();
        parser.digests(true, true);

        RawPdu pdu = parser.parse(ByteBuffer.wrap(wire));

        assertThat(pdu.dataDigestOk()).isFalse();
    }

    @Test
    void aCorruptHeaderDigestLosesFramingAndThrows() {
        byte[] wire = PduEncoder.toBytes(new NopOut(true, 0, 3, -1, 0, 0, new byte[0]).encode(), true, false);
        wire[49] ^= 0x40;
        PduParser parser = new PduParser();
        parser.digests(true, false);

        assertThatThrownBy(() -> parser.parse(ByteBuffer.wrap(wire)))
                .isInstanceOf(PduFramingException.class).hasMessageContaining("header digest error");
    }

    @Test
    void crc32cMatchesRfc3720TestVectorOnTheWire() throws Exception {
        byte[] zeros = new byte[32];
        assertThat(Digests.crc32c(ByteBuffer.wrap(zeros), 0)).isEqualTo(0x8a9136aa);
        byte[] ones = new byte[32];
        Arrays.fill(ones, (byte) 0xff);
        assertThat(Digests.crc32c(ByteBuffer.wrap(ones), 0)).isEqualTo(0x62a8ab43);
        // Least significant byte first (RFC 3720 B.4: aa 36 91 8a).
        byte[] wire = PduEncoder.toBytes(RawPdu.of(Bhs.create(Opcode.NOP_IN, false), zeros), false, true);
        assertThat(Arrays.copyOfRange(wire, wire.length - 4, wire.length))
                .containsExactly(0xaa, 0x36, 0x91, 0x8a);
    }

    @Test
    void aDataSegmentOverTheLoginLimitIsRefusedRightAfterTheHeader() {
        byte[] bhs = Bhs.create(Opcode.LOGIN_REQUEST, true);
        Bhs.put24(bhs, 5, PduParser.LOGIN_DATA_SEGMENT_LIMIT + 1);
        PduParser parser = new PduParser();

        // Only the 48 header bytes are offered: the refusal cannot have waited for (or
        // allocated) the announced 8193 bytes.
        assertThatThrownBy(() -> parser.parse(ByteBuffer.wrap(bhs)))
                .isInstanceOf(PduFramingException.class)
                .hasMessage("DataSegmentLength 8193 exceeds MaxRecvDataSegmentLength 8192");
    }

    @Test
    void theNegotiatedLimitReplacesTheLoginLimit() throws Exception {
        PduParser parser = new PduParser();
        parser.maxDataSegmentLength(262144);
        byte[] ok = Bhs.create(Opcode.DATA_OUT, false);
        Bhs.put24(ok, 5, 262144);
        assertThat(parser.parse(ByteBuffer.wrap(ok))).isNull();

        PduParser strict = new PduParser();
        strict.maxDataSegmentLength(512);
        byte[] big = Bhs.create(Opcode.DATA_OUT, false);
        Bhs.put24(big, 5, 0xffffff);
        assertThatThrownBy(() -> strict.parse(ByteBuffer.wrap(big)))
                .hasMessage("DataSegmentLength 16777215 exceeds MaxRecvDataSegmentLength 512");
    }

    @Test
    void anOversizedAhsIsRefusedBeforeItIsRead() {
        byte[] bhs = Bhs.create(Opcode.SCSI_COMMAND, false);
        Bhs.put8(bhs, 4, 255);
        assertThatThrownBy(() -> new PduParser().parse(ByteBuffer.wrap(bhs)))
                .hasMessage("TotalAHSLength 1020 bytes exceeds the limit 264");
    }

    @Test
    void anExtendedCdbAhsIsAppendedToTheHeaderCdb() throws Exception {
        byte[] bhs = Bhs.create(Opcode.SCSI_COMMAND, false);
        bhs[1] = (byte) 0x80;
        bhs[32] = 0x7f;
        byte[] ahs = new byte[20];
        Bhs.put16(ahs, 0, 17); // type byte reserved + 16 CDB bytes
        ahs[2] = 1;
        for (int i = 0; i < 16; i++) {
            ahs[4 + i] = (byte) (i + 1);
        }
        ScsiCommandRequest c = ScsiCommandRequest.decode(new RawPdu(bhs, ahs, null, true));

        assertThat(c.cdb()).hasSize(32);
        assertThat(c.cdb()[0]).isEqualTo((byte) 0x7f);
        assertThat(c.cdb()[16]).isEqualTo((byte) 1);
        assertThat(c.cdb()[31]).isEqualTo((byte) 16);
    }

    @Test
    void anAhsOfAnotherTypeIsCommandNotSupported() {
        byte[] bhs = Bhs.create(Opcode.SCSI_COMMAND, false);
        byte[] ahs = {0, 1, 2, 0};
        assertThatThrownBy(() -> ScsiCommandRequest.decode(new RawPdu(bhs, ahs, null, true)))
                .isInstanceOf(PduFieldException.class)
                .satisfies(e -> assertThat(((PduFieldException) e).reason()).isEqualTo(RejectReason.COMMAND_NOT_SUPPORTED));
    }

    @Test
    void lunFieldsUsePeripheralBelow256AndFlatAbove() {
        assertThat(Lun.encode(5)).isEqualTo(0x0005000000000000L);
        assertThat(Lun.encode(300)).isEqualTo(0x412c000000000000L);
        assertThat(Lun.decode(Lun.encode(300))).isEqualTo(300);
        assertThat(Lun.decode(Lun.encode(0))).isZero();
    }

    @Test
    void everyResponseRecordSurvivesAnEncodeDecodeRoundTrip() {
        DataIn in = new DataIn(true, true, false, true, 0, 0, 9, 100, 7, 70, 2, 4096, 512, ByteBuffer.wrap(new byte[]{1}));
        assertThat(DataIn.decode(in.encode())).usingRecursiveComparison().ignoringFields("data").isEqualTo(in);
        ScsiResponse r = new ScsiResponse(true, false, 0, 2, 9, 100, 7, 70, 3, 44, new byte[]{0x70, 0, 5});
        assertThat(ScsiResponse.decode(r.encode())).usingRecursiveComparison().isEqualTo(r);
        ReadyToTransfer r2t = new ReadyToTransfer(Lun.encode(1), 9, 11, 100, 7, 70, 1, 65536, 262144);
        assertThat(ReadyToTransfer.decode(r2t.encode())).isEqualTo(r2t);
        LogoutResponse lo = new LogoutResponse(0, 9, 100, 7, 70, 2, 20);
        assertThat(LogoutResponse.decode(lo.encode())).isEqualTo(lo);
        TaskManagementReply tm = new TaskManagementReply(5, 9, 100, 7, 70);
        assertThat(TaskManagementReply.decode(tm.encode())).isEqualTo(tm);
    }

    private static byte[] dataOut(int dataSn, byte[] data, boolean headerDigest, boolean dataDigest) {
        return PduEncoder.toBytes(new DataOut(true, 0, 0x42, 7, 0, dataSn, 0, ByteBuffer.wrap(data)).encode(),
                headerDigest, dataDigest);
    }

    @Test
    void aPlacedDataSegmentIsReceivedIntoTheGivenBufferAndItsDigestChecked() throws Exception {
        byte[] data = new byte[1021];
        new java.util.Random(9).nextBytes(data);
        ByteBuffer home = ByteBuffer.allocateDirect(4096);
        PduParser parser = new PduParser();
        parser.maxDataSegmentLength(8192);
        parser.digests(true, true);
        parser.placement((bhs, length) -> Bhs.opcodeByte(bhs) == Opcode.DATA_OUT.code()
                ? home.duplicate().position(1000).limit(1000 + length).slice() : null);

        List<RawPdu> pdus = feedByteAtATime(parser, dataOut(0, data, true, true));

        assertThat(pdus).hasSize(1);
        assertThat(pdus.get(0).dataDigestOk()).isTrue();
        assertThat(pdus.get(0).dataBytes()).isEqualTo(data);
        byte[] landed = new byte[data.length];
        home.duplicate().position(1000).get(landed);
        assertThat(landed).as("the data went straight into the placement's buffer").isEqualTo(data);
        assertThat(parser.idle()).isTrue();
    }

    @Test
    void aPlacedDataSegmentWithAWrongDigestIsFlaggedAndTheNextPduFramesNormally() throws Exception {
        byte[] wire = dataOut(0, new byte[]{1, 2, 3, 4, 5}, false, true);
        wire[wire.length - 1] ^= 1;
        PduParser parser = new PduParser();
        parser.digests(false, true);
        parser.placement((bhs, length) -> ByteBuffer.allocate(length));

        List<RawPdu> pdus = feedByteAtATime(parser, wire);
        pdus.addAll(feedByteAtATime(parser, dataOut(1, new byte[]{9}, false, true)));

        assertThat(pdus).extracting(RawPdu::dataDigestOk).containsExactly(false, true);
        assertThat(pdus.get(1).dataBytes()).containsExactly(9);
    }

    @Test
    void aPlacementThatDeclinesLeavesTheSegmentToTheParser() throws Exception {
        PduParser parser = new PduParser();
        parser.placement((bhs, length) -> null);

        RawPdu pdu = parser.parse(ByteBuffer.wrap(dataOut(0, new byte[]{7, 7, 7}, false, false)));

        assertThat(pdu.dataBytes()).containsExactly(7, 7, 7);
    }

    @Test
    void aPlacementOfTheWrongSizeIsABug() {
        PduParser parser = new PduParser();
        parser.placement((bhs, length) -> ByteBuffer.allocate(length + 1));

        assertThatThrownBy(() -> parser.parse(ByteBuffer.wrap(dataOut(0, new byte[]{7, 7, 7}, false, false))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("3 bytes");
    }

    @Test
    void bytesWrittenStraightIntoThePlacedWindowCompleteTheSegmentAndItsDigestIsChecked() throws Exception {
        byte[] data = new byte[1021]; // padded to 1024 on the wire
        new java.util.Random(5).nextBytes(data);
        byte[] wire = dataOut(0, data, false, true);
        int header = Bhs.LENGTH;
        PduParser parser = new PduParser();
        parser.digests(false, true);
        parser.placement((bhs, length) -> ByteBuffer.allocateDirect(length));

        assertThat(parser.parse(ByteBuffer.wrap(wire, 0, header + 100))).isNull();
        ByteBuffer window = parser.placedWindow();
        assertThat(window.remaining()).as("the rest of the segment").isEqualTo(data.length - 100);
        window.put(data, 100, 600); // a socket read that got 600 bytes
        assertThat(parser.receivedInPlace(600)).isNull();
        window = parser.placedWindow();
        window.put(data, 700, data.length - 700);
        assertThat(parser.receivedInPlace(data.length - 700)).as("padding and digest still to come").isNull();
        assertThat(parser.placedWindow()).as("nothing left to place").isNull();
        RawPdu pdu = parser.parse(ByteBuffer.wrap(wire, header + data.length, wire.length - header - data.length));

        assertThat(pdu.dataDigestOk()).isTrue();
        assertThat(pdu.dataBytes()).isEqualTo(data);
        assertThat(parser.idle()).isTrue();
    }

    @Test
    void bytesWrittenInPlaceThatDoNotMatchTheDigestAreFlagged() throws Exception {
        byte[] data = {1, 2, 3, 4};
        byte[] wire = dataOut(0, data, false, true);
        PduParser parser = new PduParser();
        parser.digests(false, true);
        parser.placement((bhs, length) -> ByteBuffer.allocateDirect(length));
        parser.parse(ByteBuffer.wrap(wire, 0, Bhs.LENGTH));

        parser.placedWindow().put(new byte[]{1, 2, 3, 5});
        parser.receivedInPlace(4);
        RawPdu pdu = parser.parse(ByteBuffer.wrap(wire, Bhs.LENGTH + 4, 4));

        assertThat(pdu.dataDigestOk()).isFalse();
    }

    @Test
    void aSegmentWithoutPaddingOrDigestIsEmittedByTheInPlaceReceiveThatFillsIt() throws Exception {
        byte[] wire = dataOut(0, new byte[]{9, 8, 7, 6}, false, false);
        PduParser parser = new PduParser();
        parser.placement((bhs, length) -> ByteBuffer.allocateDirect(length));
        parser.parse(ByteBuffer.wrap(wire, 0, Bhs.LENGTH));

        parser.placedWindow().put(wire, Bhs.LENGTH, 4);
        RawPdu pdu = parser.receivedInPlace(4);

        assertThat(pdu.dataBytes()).containsExactly(9, 8, 7, 6);
        assertThat(parser.idle()).isTrue();
    }

    @Test
    void thereIsNoWindowOutsideAPlacedSegment() throws Exception {
        PduParser parser = new PduParser();
        parser.placement((bhs, length) -> null);
        assertThat(parser.placedWindow()).as("between PDUs").isNull();

        parser.parse(ByteBuffer.wrap(dataOut(0, new byte[]{7, 7, 7}, false, false), 0, Bhs.LENGTH + 1));

        assertThat(parser.placedWindow()).as("a segment the parser buffers itself").isNull();
    }

    @Test
    void anInPlaceReceiveThatDoesNotMatchTheWindowIsABug() throws Exception {
        byte[] wire = dataOut(0, new byte[64], false, false);
        PduParser parser = new PduParser();
        parser.placement((bhs, length) -> ByteBuffer.allocateDirect(length));
        parser.parse(ByteBuffer.wrap(wire, 0, Bhs.LENGTH));

        assertThatThrownBy(() -> parser.receivedInPlace(1)).as("no window handed out")
                .isInstanceOf(IllegalStateException.class);
        parser.placedWindow();
        assertThatThrownBy(() -> parser.receivedInPlace(65)).as("more than the window")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("65 bytes");
        parser.parse(ByteBuffer.wrap(wire, Bhs.LENGTH, 10));
        assertThatThrownBy(() -> parser.receivedInPlace(1)).as("the parser moved on since")
                .isInstanceOf(IllegalStateException.class);
    }
}
