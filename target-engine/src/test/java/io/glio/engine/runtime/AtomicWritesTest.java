package io.glio.engine.runtime;

import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.TaskAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** ORWRITE(16) and WRITE ATOMIC(16) through the whole dispatcher, on the ramdisk (LUN 0) and fileio (LUN 1). */
class AtomicWritesTest extends LoggedInFixtureTest {

    // ------------------------------------------------------------------ ORWRITE(16)

    @ParameterizedTest(name = "lun {0}")
    @ValueSource(ints = {0, 1})
    void orWriteLeavesEveryByteTheOrOfMediumAndData(int lun) {
        byte[] medium = Initiator.pattern(4 * 512, 3);
        byte[] data = Initiator.pattern(4 * 512, 77);
        init.write(lun, Initiator.write16(30, 4), medium);

        assertThat(init.write(lun, orWrite(30, 4), data).status()).isEqualTo(ScsiCompletion.GOOD);

        byte[] expected = new byte[medium.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) (medium[i] | data[i]);
        }
        assertThat(init.run(lun, Initiator.read16(30, 4), 4 * 512).data()).isEqualTo(expected);
    }

    @Test
    void orWriteWithOrProtectIsInvalidFieldInCdbAndChangesNothing() {
        byte[] medium = Initiator.pattern(512, 1);
        init.write(0, Initiator.write16(12, 1), medium);
        byte[] cdb = orWrite(12, 1);
        cdb[1] = (byte) 0x20;

        assertThat(init.write(0, cdb, filled(0xff, 512)).sense()).isEqualTo("5/24/00");
        assertThat(init.run(0, Initiator.read16(12, 1), 512).data()).isEqualTo(medium);
    }

    @Test
    void orWriteBeyondCapacityFailsWithLbaOutOfRange() {
        long blocks = ScsiFixture.RD_SIZE / 512;

        assertThat(init.write(0, orWrite(blocks - 1, 2), new byte[1024]).sense()).isEqualTo("5/21/00");
        assertThat(init.run(0, orWrite(blocks + 1, 0), 0).sense()).isEqualTo("5/21/00");
        assertThat(init.run(0, orWrite(0, 0), 0).status()).isEqualTo(ScsiCompletion.GOOD);
    }

    @Test
    void orWriteAndWriteAtomicOnAWriteProtectedLunAreDataProtect() {
        fx.model.setMappedLunWriteProtect(fx.acl1.mappedLun(0).orElseThrow(), true);

        assertThat(init.write(0, orWrite(0, 1), new byte[512]).sense()).isEqualTo("7/27/00");
        assertThat(init.write(0, writeAtomic(0, 8), new byte[4096]).sense()).isEqualTo("7/27/00");
    }

    /**
     * Sixteen ORWRITEs race on one block, each setting its own bit in every 2-byte word: were
     * read-OR-write not atomic, one would overwrite another's bit with the value it read.
     */
    @ParameterizedTest(name = "lun {0}")
    @ValueSource(ints = {0, 1})
    void racingOrWritesLoseNoBit(int lun) throws Exception {
        Initiator two = fx.second();
        for (int round = 0; round < 10; round++) {
            init.write(lun, Initiator.write16(5, 1), new byte[512]);
            List<CompletableFuture<Initiator.Result>> racers = new ArrayList<>();
            for (int bit = 0; bit < 16; bit++) {
                ByteBuffer data = ByteBuffer.allocate(512);
                while (data.hasRemaining()) {
                    data.putShort((short) (1 << bit));
                }
                racers.add((bit % 2 == 0 ? init : two).submit(lun, orWrite(5, 1), 512, data.array(),
                        TaskAttribute.SIMPLE, Initiator.nextTag()));
            }
            for (var r : racers) {
                assertThat(r.get().status()).isEqualTo(ScsiCompletion.GOOD);
            }
            assertThat(init.run(lun, Initiator.read16(5, 1), 512).data()).as("round %d", round)
                    .containsOnly((byte) 0xff);
        }
    }

    @Test
    void orWriteIsListedWithItsCdbUsage() {
        byte[] usage = oneCommandUsage(0x8b);

        assertThat(usage).hasSize(16);
        assertThat(usage[1] & 0xff).as("ORPROTECT, DPO, FUA").isEqualTo(0xf8);
    }

    // ------------------------------------------------------------------ WRITE ATOMIC(16)

    @Test
    void blockLimitsAdvertiseAtomicWritesInAlignedFourKibUnits() {
        ByteBuffer b0 = ByteBuffer.wrap(init.run(0, Initiator.inquiry(true, 0xb0, 64), 64).data());

        assertThat(b0.getShort(2)).as("page length unchanged").isEqualTo((short) 0x3c);
        long maxTransfer = b0.getInt(8) & 0xffffffffL;
        long maxAtomic = b0.getInt(44) & 0xffffffffL;
        assertThat(maxAtomic).isPositive().isLessThanOrEqualTo(maxTransfer).isLessThanOrEqualTo(0xffff);
        assertThat(maxAtomic % 8).isZero();
        assertThat(b0.getInt(48)).as("ATOMIC ALIGNMENT").isEqualTo(8);
        assertThat(b0.getInt(52)).as("ATOMIC TRANSFER LENGTH GRANULARITY").isEqualTo(8);
        assertThat(b0.getLong(56)).as("no ATOMIC BOUNDARY support").isZero();
    }

    @ParameterizedTest(name = "lun {0}")
    @ValueSource(ints = {0, 1})
    void writeAtomicWritesTheBlocks(int lun) {
        byte[] data = Initiator.pattern(16 * 512, 21);

        assertThat(init.write(lun, writeAtomic(64, 16), data).status()).isEqualTo(ScsiCompletion.GOOD);

        assertThat(init.run(lun, Initiator.read16(64, 16), 16 * 512).data()).isEqualTo(data);
    }

    @Test
    void writeAtomicOutsideItsGranularityAlignmentOrBoundaryIsInvalidFieldInCdb() {
        byte[] boundary = writeAtomic(0, 8);
        boundary[11] = 8;

        assertThat(init.write(0, writeAtomic(0, 1), new byte[512]).sense()).as("1 block").isEqualTo("5/24/00");
        assertThat(init.write(0, writeAtomic(1, 8), new byte[4096]).sense()).as("LBA 1").isEqualTo("5/24/00");
        assertThat(init.write(0, boundary, new byte[4096]).sense()).as("ATOMIC BOUNDARY").isEqualTo("5/24/00");
        assertThat(init.run(0, Initiator.read16(0, 8), 4096).data()).containsOnly(0);
    }

    @Test
    void writeAtomicPastTheEndIsLbaOutOfRangeWhateverItsLength() {
        long blocks = ScsiFixture.RD_SIZE / 512;

        assertThat(init.write(0, writeAtomic(blocks - 8, 16), new byte[16 * 512]).sense()).isEqualTo("5/21/00");
        assertThat(init.run(0, writeAtomic(-8L, 0), 0).sense()).isEqualTo("5/21/00");
        assertThat(init.run(0, writeAtomic(0, 0), 0).status()).isEqualTo(ScsiCompletion.GOOD);
    }

    @Test
    void writeAtomicWithLessDataThanItsBlocksWritesNothing() {
        Initiator.Result r = init.write(0, writeAtomic(80, 16), filled(0x5a, 8 * 512));

        assertThat(r.status()).isNotEqualTo(ScsiCompletion.GOOD);
        assertThat(init.run(0, Initiator.read16(80, 16), 16 * 512).data()).containsOnly(0);
    }

    @Test
    void writeAtomicIsListedWithItsCdbUsage() {
        byte[] usage = oneCommandUsage(0x9c);

        assertThat(usage).hasSize(16);
        assertThat(usage[10] | usage[11]).as("ATOMIC BOUNDARY not supported").isZero();
        assertThat(usage[12] & usage[13] & 0xff).as("TRANSFER LENGTH").isEqualTo(0xff);
    }

    // ------------------------------------------------------------------ helpers

    static byte[] orWrite(long lba, int blocks) {
        return Initiator.rw16(0x8b, lba, blocks);
    }

    /** WRITE ATOMIC(16): TRANSFER LENGTH in bytes 12..13 (SBC-4 5.48). */
    static byte[] writeAtomic(long lba, int blocks) {
        byte[] c = Initiator.rw16(0x9c, lba, 0);
        c[12] = (byte) (blocks >>> 8);
        c[13] = (byte) blocks;
        return c;
    }

    /** REPORT SUPPORTED OPERATION CODES, one command (REPORTING OPTIONS 001b): the CDB USAGE DATA. */
    private byte[] oneCommandUsage(int opcode) {
        byte[] rsoc = {(byte) 0xa3, 0x0c, 0x01, (byte) opcode, 0, 0, 0, 0, 0, 64, 0, 0};
        byte[] d = init.run(0, rsoc, 64).data();
        assertThat(d[1] & 0x07).as("supported as the standard says").isEqualTo(3);
        int length = ((d[2] & 0xff) << 8) | (d[3] & 0xff);
        return Arrays.copyOfRange(d, 4, 4 + length);
    }

    private static byte[] filled(int value, int length) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
