package io.glio.engine.runtime;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Issue 12's verifying workload over a {@link MultipathClient}: random 4 KiB writes, each block
 * carrying its LBA and a generation (a counter over the whole run), and reads of blocks whose
 * last write completed GOOD, checked against that write byte for byte. Writes and reads take
 * turns, so with multibus round robin a read usually goes down another path than the write it
 * checks. A write that got no GOOD leaves its block unknown (it may or may not have landed): the
 * block is not read again until a later write completes.
 *
 * <p>Each 4 KiB unit: {@code "GLIOMP12"}, the LBA of its first block, the generation, then noise
 * seeded with both; so a block that holds another write, another block's data, zeros or a torn
 * mix all count as a mismatch.
 */
final class VerifyingWorkload {

    static final int UNIT = 4096;
    private static final byte[] MAGIC = "GLIOMP12".getBytes(StandardCharsets.US_ASCII);
    private static final int KEEP_MISMATCHES = 10;

    /** What a run saw. {@code firstMismatches} describes up to ten of them. */
    record Report(long writes, long reads, long mismatches, long errors, int failovers, List<String> firstMismatches) {
        @Override
        public String toString() {
            return String.format("%d writes, %d verified reads, %d mismatches, %d errors, %d failovers%s", writes, reads,
                    mismatches, errors, failovers, firstMismatches.isEmpty() ? "" : " " + firstMismatches);
        }
    }

    private final MultipathClient client;
    private final int blockSize;
    private final int units;
    private final SplittableRandom random;
    /** Per unit, the generation of its last write that completed GOOD; 0 when none or unknown. */
    private final long[] completed;
    private final int[] verifiable;
    private int verifiableCount;
    private final int[] verifiableIndex;
    private final List<String> firstMismatches = new ArrayList<>();
    private long generation;
    private long writes;
    private long reads;
    private long mismatches;
    private long errors;
    /** Read by a test's other thread to time a kill. */
    private final AtomicLong operations = new AtomicLong();

    /** Runs on the first {@code units} 4 KiB units of a LUN of {@code blockSize}-byte blocks. */
    VerifyingWorkload(MultipathClient client, int blockSize, int units, long seed) {
        if (blockSize <= 0 || UNIT % blockSize != 0) {
            throw new IllegalArgumentException("block size: " + blockSize + " (expected: a divisor of " + UNIT + ")");
        }
        if (units <= 0) {
            throw new IllegalArgumentException("units: " + units + " (expected: > 0)");
        }
        this.client = client;
        this.blockSize = blockSize;
        this.units = units;
        this.random = new SplittableRandom(seed);
        this.completed = new long[units];
        this.verifiable = new int[units];
        this.verifiableIndex = new int[units];
        Arrays.fill(verifiableIndex, -1);
    }

    /**
     * Alternates writes and reads until {@code stop} says so or {@code maxOps} ran. Stops early,
     * counting one error, when no path is left.
     */
    Report run(long maxOps, BooleanSupplier stop) throws Exception {
        for (long op = 0; op < maxOps && !stop.getAsBoolean(); op++) {
            try {
                if (op % 2 == 0 || verifiableCount == 0) {
                    write(random.nextInt(units));
                } else {
                    verify(verifiable[random.nextInt(verifiableCount)]);
                }
            } catch (MultipathClient.NoPathException e) {
                errors++;
                break;
            }
        }
        return report();
    }

    /** Runs for {@code duration} (at most {@code maxOps} operations). */
    Report runFor(long durationMillis, long maxOps) throws Exception {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(durationMillis);
        return run(maxOps, () -> System.nanoTime() > end);
    }

    Report report() {
        return new Report(writes, reads, mismatches, errors, client.failovers().size(), List.copyOf(firstMismatches));
    }

    /** Writes and reads issued so far; safe to read from any thread. */
    long operations() {
        return operations.get();
    }

    /** Writes the unit's next generation; it is verifiable once the write completed GOOD. */
    void write(int unit) throws Exception {
        operations.incrementAndGet();
        long gen = ++generation;
        long lba = lba(unit);
        forget(unit);
        IscsiClient.Result r = client.execute(rw16(0x8a, lba), UNIT, unitData(lba, gen));
        writes++;
        if (r.good()) {
            completed[unit] = gen;
            remember(unit);
        } else {
            errors++;
        }
    }

    /** Reads the unit and checks it holds its last completed write. */
    void verify(int unit) throws Exception {
        operations.incrementAndGet();
        long lba = lba(unit);
        IscsiClient.Result r = client.execute(rw16(0x88, lba), UNIT, null);
        if (!r.good()) {
            errors++;
            return;
        }
        reads++;
        byte[] expected = unitData(lba, completed[unit]);
        if (!Arrays.equals(r.data(), expected)) {
            mismatches++;
            if (firstMismatches.size() < KEEP_MISMATCHES) {
                firstMismatches.add(describe(lba, completed[unit], r.data()));
            }
        }
    }

    private static String describe(long lba, long gen, byte[] actual) {
        if (actual.length < 24) {
            return String.format("LBA %d: expected generation %d, got %d bytes", lba, gen, actual.length);
        }
        ByteBuffer b = ByteBuffer.wrap(actual);
        boolean magic = Arrays.equals(Arrays.copyOf(actual, MAGIC.length), MAGIC);
        return String.format("LBA %d: expected generation %d, got %s", lba, gen,
                magic ? "LBA " + b.getLong(8) + " generation " + b.getLong(16) : "no header");
    }

    private long lba(int unit) {
        return (long) unit * (UNIT / blockSize);
    }

    private void remember(int unit) {
        verifiableIndex[unit] = verifiableCount;
        verifiable[verifiableCount++] = unit;
    }

    /** Drops the unit from the readable set (swap with the last) while a write to it is in doubt. */
    private void forget(int unit) {
        int i = verifiableIndex[unit];
        if (i < 0) {
            return;
        }
        int last = verifiable[--verifiableCount];
        verifiable[i] = last;
        verifiableIndex[last] = i;
        verifiableIndex[unit] = -1;
        completed[unit] = 0;
    }

    /** The bytes of generation {@code gen} of the unit at {@code lba}. */
    static byte[] unitData(long lba, long gen) {
        byte[] data = new byte[UNIT];
        ByteBuffer b = ByteBuffer.wrap(data).put(MAGIC).putLong(lba).putLong(gen);
        SplittableRandom noise = new SplittableRandom(lba * 0x9E3779B97F4A7C15L ^ gen);
        while (b.remaining() >= Long.BYTES) {
            b.putLong(noise.nextLong());
        }
        return data;
    }

    private byte[] rw16(int opcode, long lba) {
        return Initiator.rw16(opcode, lba, UNIT / blockSize);
    }
}
