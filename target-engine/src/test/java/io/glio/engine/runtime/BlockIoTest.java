package io.glio.engine.runtime;

import io.glio.engine.scsi.ScsiCompletion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class BlockIoTest extends LoggedInFixtureTest {

    @ParameterizedTest(name = "lun {0}")
    @ValueSource(ints = {0, 1})
    void writtenBlocksReadBack(int lun) {
        byte[] data = Initiator.pattern(8 * 512, lun);

        assertThat(init.write(lun, Initiator.write16(100, 8), data).status()).isEqualTo(ScsiCompletion.GOOD);
        Initiator.Result r = init.run(lun, Initiator.read10(100, 8), 8 * 512);

        assertThat(r.status()).isEqualTo(ScsiCompletion.GOOD);
        assertThat(r.data()).isEqualTo(data);
    }

    @Test
    void fileioWritesLandInTheFileAtTheLbaOffset() throws Exception {
        byte[] data = Initiator.pattern(512, 9);

        init.write(1, Initiator.write16(3, 1), data);

        byte[] file = Files.readAllBytes(folder.resolve("file0.img"));
        assertThat(Arrays.copyOfRange(file, 3 * 512, 4 * 512)).isEqualTo(data);
    }

    @Test
    void untouchedRamdiskBlocksReadZeroes() {
        assertThat(init.run(0, Initiator.read16(5000, 2), 1024).data()).containsOnly(0);
    }

    @Test
    void readBeyondCapacityFailsWithLbaOutOfRange() {
        long blocks = ScsiFixture.RD_SIZE / 512;

        assertThat(init.run(0, Initiator.read16(blocks - 1, 2), 1024).sense()).isEqualTo("5/21/00");
        assertThat(init.run(0, Initiator.read16(-1L, 1), 512).sense()).isEqualTo("5/21/00");
        assertThat(init.run(0, Initiator.read16(blocks - 1, 1), 512).status()).isEqualTo(ScsiCompletion.GOOD);
    }

    @Test
    void zeroBlockTransfersAreGoodInsideAndOutOfRangeBeyond() {
        long blocks = ScsiFixture.RD_SIZE / 512;

        assertThat(init.run(0, Initiator.read16(0, 0), 0).status()).isEqualTo(ScsiCompletion.GOOD);
        assertThat(init.run(0, Initiator.read16(blocks + 1, 0), 0).sense()).isEqualTo("5/21/00");
    }

    @Test
    void shortExpectedLengthReadsWhatFitsAndReportsTheFullTransfer() {
        Initiator.Result r = init.run(0, Initiator.read10(0, 1), 200);

        assertThat(r.data()).hasSize(200);
        assertThat(r.completion().transferLength()).isEqualTo(512);
    }

    @Test
    void writeWithDataOutNotEndingOnABlockWritesOnlyTheWholeBlocksSent() {
        Initiator.Result r = overwriteTwoBlocksOfA(60, 2, filled('c', 700));

        assertThat(r.status()).isEqualTo(ScsiCompletion.GOOD);
        assertThat(r.completion().transferLength()).isEqualTo(1024);
        assertTwoBlocks(60, 'c', 'a');
    }

    @Test
    void writeWithLessDataThanTheCdbWritesOnlyTheBlocksSent() {
        Initiator.Result r = overwriteTwoBlocksOfA(40, 2, filled('b', 512));

        assertThat(r.status()).isEqualTo(ScsiCompletion.GOOD);
        assertThat(r.completion().transferLength()).isEqualTo(1024);
        assertTwoBlocks(40, 'b', 'a');
    }

    @Test
    void writeWithMoreDataThanTheCdbWritesOnlyTheCdbsBlocks() {
        Initiator.Result r = overwriteTwoBlocksOfA(50, 1, filled('b', 1024));

        assertThat(r.status()).isEqualTo(ScsiCompletion.GOOD);
        assertTwoBlocks(50, 'b', 'a');
    }

    /** Fills blocks lba, lba+1 with 'a', then WRITE(16)s {@code blocks} blocks at lba carrying {@code data}. */
    private Initiator.Result overwriteTwoBlocksOfA(long lba, int blocks, byte[] data) {
        init.write(0, Initiator.write16(lba, 2), filled('a', 1024));
        return init.write(0, Initiator.write16(lba, blocks), data);
    }

    private void assertTwoBlocks(long lba, char first, char second) {
        byte[] back = init.run(0, Initiator.read16(lba, 2), 1024).data();
        assertThat(java.util.Arrays.copyOfRange(back, 0, 512)).containsOnly(first);
        assertThat(java.util.Arrays.copyOfRange(back, 512, 1024)).containsOnly(second);
    }

    private static byte[] filled(char c, int length) {
        byte[] b = new byte[length];
        java.util.Arrays.fill(b, (byte) c);
        return b;
    }

    @Test
    void readProtectWithoutProtectionInformationIsInvalidFieldInCdb() {
        byte[] cdb = Initiator.read10(0, 1);
        cdb[1] = (byte) 0x20;

        assertThat(init.run(0, cdb, 512).sense()).isEqualTo("5/24/00");
    }

    @Test
    void readCapacityReportsLastLbaAndBlockSize() {
        byte[] rc16 = new byte[16];
        rc16[0] = (byte) 0x9e;
        rc16[1] = 0x10;
        rc16[13] = 32;

        ByteBuffer d = ByteBuffer.wrap(init.run(0, rc16, 32).data());

        assertThat(d.getLong(0)).isEqualTo(ScsiFixture.RD_SIZE / 512 - 1);
        assertThat(d.getInt(8)).isEqualTo(512);
    }

    @Test
    void compareAndWriteWritesOnMatchAndReportsTheMiscompareOffset() {
        byte[] old = Initiator.pattern(512, 1);
        byte[] next = Initiator.pattern(512, 2);
        init.write(0, Initiator.write16(7, 1), old);
        byte[] cdb = new byte[16];
        cdb[0] = (byte) 0x89;
        cdb[9] = 7;
        cdb[13] = 1;

        byte[] wrongCompare = old.clone();
        wrongCompare[300] ^= 1;
        Initiator.Result miss = init.write(0, cdb, concat(wrongCompare, next));
        Initiator.Result hit = init.write(0, cdb, concat(old, next));

        assertThat(miss.sense()).isEqualTo("e/1d/00");
        assertThat(miss.completion().senseData()[0] & 0x80).isEqualTo(0x80);
        assertThat(ByteBuffer.wrap(miss.completion().senseData()).getInt(3)).isEqualTo(300);
        assertThat(hit.status()).isEqualTo(ScsiCompletion.GOOD);
        assertThat(init.run(0, Initiator.read16(7, 1), 512).data()).isEqualTo(next);
    }

    @Test
    void compareAndWriteOfMoreThanOneBlockIsInvalidFieldInCdb() {
        byte[] cdb = new byte[16];
        cdb[0] = (byte) 0x89;
        cdb[13] = 2;

        assertThat(init.write(0, cdb, new byte[4 * 512]).sense()).isEqualTo("5/24/00");
    }

    @Test
    void verifyWithByteCheckReportsTheFirstDifferingByte() {
        byte[] data = Initiator.pattern(1024, 5);
        init.write(0, Initiator.write16(20, 2), data);
        byte[] cdb = Initiator.rw16(0x8f, 20, 2);
        cdb[1] = 0x02; // BYTCHK 01b
        byte[] other = data.clone();
        other[700] ^= 0x40;

        assertThat(init.write(0, cdb, data).status()).isEqualTo(ScsiCompletion.GOOD);
        Initiator.Result miss = init.write(0, cdb, other);
        assertThat(miss.sense()).isEqualTo("e/1d/00");
        assertThat(ByteBuffer.wrap(miss.completion().senseData()).getInt(3)).isEqualTo(700);
    }

    @ParameterizedTest(name = "lun {0}")
    @ValueSource(ints = {0, 1})
    void unmapThenReadReturnsZeroesAndGetLbaStatusSaysDeallocated(int lun) {
        fx.model.setStorageObjectAttribute(lun == 0 ? fx.ramdisk : fx.fileio, "emulate_tpu", "1");
        init.write(lun, Initiator.write16(64, 16), Initiator.pattern(16 * 512, 3));
        byte[] param = new byte[24];
        param[1] = 22;
        param[3] = 16;
        param[15] = 64;  // LBA 64
        param[19] = 16;  // 16 blocks
        byte[] unmap = {0x42, 0, 0, 0, 0, 0, 0, 0, 24, 0};

        byte[] gls = Initiator.rw16(0x9e, 64, 0);
        gls[1] = 0x12;
        gls[13] = 24;
        assertThat(init.run(lun, gls, 24).data()[20]).as("mapped before UNMAP").isEqualTo((byte) 0);

        assertThat(init.write(lun, unmap, param).status()).isEqualTo(ScsiCompletion.GOOD);

        assertThat(init.run(lun, Initiator.read16(64, 16), 16 * 512).data()).containsOnly(0);
        byte[] status = init.run(lun, gls, 24).data();
        assertThat(status[20]).isEqualTo((byte) 1);
        assertThat(ByteBuffer.wrap(status).getInt(16)).isGreaterThanOrEqualTo(16);
    }

    @Test
    void unmapWithoutThinProvisioningIsNotSupported() {
        byte[] unmap = {0x42, 0, 0, 0, 0, 0, 0, 0, 24, 0};

        assertThat(init.write(0, unmap, new byte[24]).sense()).isEqualTo("5/20/00");
    }

    @Test
    void writeSameRepeatsTheBlockAndZeroBlocksIsInvalid() {
        byte[] block = Initiator.pattern(512, 7);
        byte[] ws = Initiator.rw16(0x93, 200, 4);

        assertThat(init.write(1, ws, block).status()).isEqualTo(ScsiCompletion.GOOD);
        byte[] back = init.run(1, Initiator.read16(200, 4), 2048).data();
        for (int i = 0; i < 4; i++) {
            assertThat(Arrays.copyOfRange(back, i * 512, (i + 1) * 512)).isEqualTo(block);
        }
        assertThat(init.write(1, Initiator.rw16(0x93, 200, 0), block).sense()).isEqualTo("5/24/00");
    }

    @Test
    void writeSameWithUnmapNeedsTpwsAndThenDeallocates() {
        byte[] ws = Initiator.rw16(0x93, 300, 8);
        ws[1] = 0x08;
        init.write(0, Initiator.write16(300, 8), Initiator.pattern(8 * 512, 4));

        assertThat(init.write(0, ws, new byte[512]).sense()).isEqualTo("5/24/00");
        fx.model.setStorageObjectAttribute(fx.ramdisk, "emulate_tpws", "1");
        assertThat(init.write(0, ws, new byte[512]).status()).isEqualTo(ScsiCompletion.GOOD);

        assertThat(init.run(0, Initiator.read16(300, 8), 8 * 512).data()).containsOnly(0);
    }

    @Test
    void writeSameWithoutDataOutWritesZeroes() {
        init.write(1, Initiator.write16(40, 2), Initiator.pattern(1024, 8));
        byte[] ws = Initiator.rw16(0x93, 40, 2);
        ws[1] = 0x01; // NDOB

        assertThat(init.run(1, ws, 0).status()).isEqualTo(ScsiCompletion.GOOD);
        assertThat(init.run(1, Initiator.read16(40, 2), 1024).data()).containsOnly(0);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
