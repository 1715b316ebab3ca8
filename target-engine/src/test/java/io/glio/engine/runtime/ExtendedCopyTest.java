package io.glio.engine.runtime;

import io.glio.engine.scsi.Cdb;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.identity.NaaDesignator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** EXTENDED COPY (LID1) and RECEIVE COPY RESULTS between the fixture's ramdisk (LUN 0) and fileio (LUN 1) LUs. */
class ExtendedCopyTest extends LoggedInFixtureTest {

    static byte[] extendedCopy(int paramLength) {
        byte[] cdb = new byte[16];
        cdb[0] = (byte) 0x83;
        Cdb.put32(cdb, 10, paramLength);
        return cdb;
    }

    /** An identification CSCD descriptor (0xE4) naming an LU by its NAA designator. */
    static byte[] cscd(String wwn) {
        byte[] d = new byte[32];
        d[0] = (byte) 0xe4;
        d[4] = 0x01;
        d[5] = 0x03;
        d[7] = 16;
        System.arraycopy(NaaDesignator.of(wwn), 0, d, 8, 16);
        Cdb.put16(d, 30, 512);
        return d;
    }

    static byte[] segment(int source, int destination, int blocks, long sourceLba, long destinationLba) {
        byte[] d = new byte[28];
        d[0] = 0x02;
        Cdb.put16(d, 2, 0x18);
        Cdb.put16(d, 4, source);
        Cdb.put16(d, 6, destination);
        Cdb.put16(d, 10, blocks);
        Cdb.put64(d, 12, sourceLba);
        Cdb.put64(d, 20, destinationLba);
        return d;
    }

    static byte[] parameterList(byte[][] cscds, byte[]... segments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] header = new byte[16];
        Cdb.put16(header, 2, 32 * cscds.length);
        Cdb.put32(header, 8, 28L * segments.length);
        out.writeBytes(header);
        Arrays.stream(cscds).forEach(out::writeBytes);
        Arrays.stream(segments).forEach(out::writeBytes);
        return out.toByteArray();
    }

    Initiator.Result copy(int lun, byte[] list) {
        return init.write(lun, extendedCopy(list.length), list);
    }

    @Test
    void copyFromTheRamdiskToTheFileioLuMovesTheBlocks() {
        byte[] data = Initiator.pattern(8 * 512, 3);
        init.write(0, Initiator.write16(10, 8), data);
        byte[] list = parameterList(new byte[][] {cscd(ScsiFixture.RD_WWN), cscd(fx.fileio.wwn())},
                segment(0, 1, 8, 10, 20));

        assertThat(copy(0, list).status()).isEqualTo(ScsiCompletion.GOOD);

        assertThat(init.run(1, Initiator.read16(20, 8), 8 * 512).data()).isEqualTo(data);
    }

    @Test
    void overlappingCopyOnOneLuLeavesTheSourcesOldContent() {
        int blocks = 4096 + 16; // more than one 4096-block chunk, so the chunk order matters
        byte[] data = Initiator.pattern(blocks * 512, 5);
        for (int block = 0; block < blocks; block++) {
            data[block * 512] = (byte) block; // the pattern repeats every block: tell them apart
            data[block * 512 + 1] = (byte) (block >>> 8);
        }
        init.write(0, Initiator.write16(0, blocks), data);
        byte[] list = parameterList(new byte[][] {cscd(ScsiFixture.RD_WWN)}, segment(0, 0, blocks, 0, 16));

        assertThat(copy(0, list).status()).isEqualTo(ScsiCompletion.GOOD);

        assertThat(init.run(0, Initiator.read16(16, blocks), blocks * 512).data()).isEqualTo(data);
    }

    @Test
    void moreCscdsThanReportedFailWithTooManyTargetDescriptors() {
        byte[] rd = cscd(ScsiFixture.RD_WWN);
        byte[] list = parameterList(new byte[][] {rd, rd, rd}, segment(0, 0, 1, 0, 1));

        assertThat(copy(0, list).sense()).isEqualTo("5/26/06");
    }

    @Test
    void moreSegmentsThanReportedFailWithTooManySegmentDescriptors() {
        byte[] list = parameterList(new byte[][] {cscd(ScsiFixture.RD_WWN)}, segment(0, 0, 1, 0, 1),
                segment(0, 0, 1, 0, 2));

        assertThat(copy(0, list).sense()).isEqualTo("5/26/08");
    }

    @Test
    void aCscdTypeOtherThanIdentificationIsUnsupported() {
        byte[] fc = cscd(ScsiFixture.RD_WWN);
        fc[0] = (byte) 0xe0;

        assertThat(copy(0, parameterList(new byte[][] {fc}, segment(0, 0, 1, 0, 1))).sense()).isEqualTo("5/26/07");
    }

    @Test
    void aTruncatedListIsAParameterListLengthError() {
        byte[] list = parameterList(new byte[][] {cscd(ScsiFixture.RD_WWN)}, segment(0, 0, 1, 0, 1));

        assertThat(copy(0, Arrays.copyOf(list, list.length - 1)).sense()).isEqualTo("5/1a/00");
    }

    @Test
    void anNaaNoLuOfTheNexusHasIsCopyTargetDeviceNotReachable() {
        byte[] list = parameterList(new byte[][] {cscd(ScsiFixture.RD_WWN), cscd("0123456789abcdef0123456789")},
                segment(0, 1, 1, 0, 0));

        assertThat(copy(0, list).sense()).isEqualTo("a/0d/02");
    }

    @Test
    void aSegmentPastTheDestinationsCapacityIsCopyAbortedAndMovesNothing() {
        long fileBlocks = ScsiFixture.FILE_SIZE / 512;
        init.write(0, Initiator.write16(0, 2), Initiator.pattern(2 * 512, 7));
        byte[] list = parameterList(new byte[][] {cscd(ScsiFixture.RD_WWN), cscd(fx.fileio.wwn())},
                segment(0, 1, 2, 0, fileBlocks - 1));

        assertThat(copy(0, list).sense()).isEqualTo("a/00/00");
        assertThat(init.run(1, Initiator.read16(fileBlocks - 1, 1), 512).data()).containsOnly(0);
    }

    @Test
    void receiveCopyResultsReportsLiosOperatingParameters() {
        byte[] cdb = new byte[16];
        cdb[0] = (byte) 0x84;
        cdb[1] = 0x03;
        Cdb.put32(cdb, 10, 1024);

        byte[] d = init.run(0, cdb, 1024).data();

        assertThat(Cdb.u16(d, 8)).as("max CSCD descriptors").isEqualTo(2);
        assertThat(Cdb.u16(d, 10)).as("max segment descriptors").isEqualTo(1);
        assertThat(Cdb.u32(d, 12)).as("max descriptor list length").isEqualTo(1024);
        assertThat(Arrays.copyOfRange(d, 43, 46)).containsExactly(2, 0x02, 0xe4);
    }

    @Test
    void copyStatusReportsAFinishedCopyByItsListIdentifierAndNothingBefore() {
        byte[] status = new byte[16];
        status[0] = (byte) 0x84;
        status[2] = 7; // list identifier
        Cdb.put32(status, 10, 64);
        assertThat(init.run(0, status, 64).sense()).as("no copy 7 yet").isEqualTo("5/24/00");
        byte[] list = parameterList(new byte[][] {cscd(ScsiFixture.RD_WWN), cscd(fx.fileio.wwn())},
                segment(0, 1, 4, 0, 0));
        list[0] = 7;

        assertThat(copy(0, list).status()).isEqualTo(ScsiCompletion.GOOD);

        byte[] d = init.run(0, status, 64).data();
        assertThat(d[4]).as("completed without errors").isEqualTo((byte) 0x01);
        assertThat(Cdb.u16(d, 5)).as("segments processed").isEqualTo(1);
        assertThat(d[7]).as("KiB units").isEqualTo((byte) 0xf1);
        assertThat(Cdb.u32(d, 8)).as("4 blocks of 512 bytes").isEqualTo(2);
    }

    @Test
    void emulate3pcOffClearsThe3pcBitAndRefusesExtendedCopy() {
        assertThat(init.run(0, Initiator.inquiry(false, 0, 96), 96).data()[5] & 0x08).isEqualTo(0x08);

        fx.model.setStorageObjectAttribute(fx.ramdisk, "emulate_3pc", "0");
        byte[] list = parameterList(new byte[][] {cscd(ScsiFixture.RD_WWN)}, segment(0, 0, 1, 0, 1));

        assertThat(init.run(0, Initiator.inquiry(false, 0, 96), 96).data()[5] & 0x08).isZero();
        assertThat(copy(0, list).sense()).isEqualTo("5/20/00");
    }
}
