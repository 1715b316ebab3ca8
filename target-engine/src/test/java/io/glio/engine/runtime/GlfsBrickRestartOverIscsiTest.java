package io.glio.engine.runtime;

import io.glio.gfapi.Glfs;
import io.glio.gfapi.GlfsFile;
import io.glio.gfapi.GlusterTestVolume;
import io.glio.engine.backing.glfs.GlusterBrick;
import io.glio.engine.iscsi.TestTargets;
import io.glio.engine.model.DeviceProbe;
import io.glio.engine.model.ModelEnvironment;
import io.glio.engine.model.StorageObject;
import io.glio.engine.model.TargetModel;
import io.glio.engine.model.Tpg;
import org.junit.jupiter.api.Test;

import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's acceptance: the gluster brick process is killed ({@code kill -9}) under a stream of
 * writes that reach a user:glfs LUN through {@link TargetEngine} over iSCSI, then restarted.
 * Every command gets a status within {@link #COMMAND_BOUND}; the writes that fail meanwhile fail
 * with NOT READY; writes succeed again once the brick is back; and the file read over gfapi
 * holds every acknowledged write.
 *
 * <p>"Acknowledged" is what SCSI promises for a LUN with a volatile write cache, which is what
 * a user:glfs LU with {@code emulate_write_cache=1} reports (WCE=1 in the caching mode page): a WRITE with FUA that completed
 * GOOD, or a plain WRITE followed by a SYNCHRONIZE CACHE that completed GOOD. The store opens the
 * file without O_DIRECT, so gluster's client-side write-behind may complete a plain write
 * before the brick has it; FUA writes and SYNCHRONIZE CACHE end in {@code fdatasync}, which
 * reaches the brick or fails. A plain write never covered by a successful flush may be lost
 * when the brick dies (as on any disk with a volatile cache) and is not checked. tcmu-runner
 * instead opens with O_DIRECT and gluster-block's volume profile sets
 * {@code performance.strict-o-direct on} and {@code network.remote-dio disable}, making every
 * write go through to the brick; glio keeps the cache and honours the flushes.
 *
 * <p>Each write is 64 KiB at a slot of the LUN, slots taken in turn (a failed unit is retried at
 * its slots); every 512-byte block of it starts with the write's sequence number, slot and
 * block, the rest comes from a generator seeded with the sequence number. A block on the volume
 * must hold the slot's last acknowledged write, or a write to that slot issued after it and not
 * acknowledged (failed, or GOOD but not yet flushed: it may have landed, in part or whole).
 * Runs on the volume {@link GlusterTestVolume} names, only with GLIO_GLUSTER_DESTRUCTIVE=1; port 14302.
 */
class GlfsBrickRestartOverIscsiTest {

    private static final String IQN = "iqn.2026-12.io.glio:integ-brick";
    private static final String CLIENT = "iqn.2026-12.io.glio:integ-writer";
    private static final int PORT = 14302;
    private static final int BLOCK = 512;
    private static final int WRITE = 64 * 1024;
    private static final int SLOTS = 512;
    private static final long SIZE = (long) SLOTS * WRITE;
    /**
     * No command may take longer: open-iscsi's default SCSI command timeout (30 s) is where an
     * initiator would start aborting, and its TMF abort timeout is 15 s; the NOP-Out ping
     * timeout (5 s) concerns the connection, which stays up throughout.
     */
    private static final Duration COMMAND_BOUND = Duration.ofSeconds(15);

    /** What the writer saw; one per test run. */
    private static final class Stream {
        final IscsiClient client;
        /** Writes per unit: 1 = one FUA write; more = that many plain writes and a SYNCHRONIZE CACHE. */
        final int batch;
        long sequence;
        int slot;
        final long[] acked = new long[SLOTS];
        /** Per slot, the writes issued since its last acknowledged one (failed, or GOOD but not yet flushed). */
        final List<List<Long>> unackedSinceAck = new ArrayList<>();
        final TreeMap<String, Integer> failureSenses = new TreeMap<>();
        int good;
        int failed;
        long slowestNanos;

        Stream(IscsiClient client, int batch) {
            this.client = client;
            this.batch = batch;
            Arrays.fill(acked, -1);
            for (int i = 0; i < SLOTS; i++) {
                unackedSinceAck.add(new ArrayList<>());
            }
        }

        /**
         * Writes the next unit at the current slots: one FUA write, or {@link #batch} plain writes
         * then SYNCHRONIZE CACHE. True when every command got GOOD: the unit's writes are then
         * acknowledged and the next unit goes to the next slots. A failed unit (counted once) is
         * retried at the same slots after 20 ms, as the SCSI midlayer retries NOT READY.
         */
        boolean writeNext() throws Exception {
            long[] issued = new long[batch];
            IscsiClient.Result failure = null;
            for (int i = 0; i < batch && failure == null; i++) {
                long n = sequence++;
                int s = (slot + i) % SLOTS;
                issued[i] = n;
                unackedSinceAck.get(s).add(n);
                IscsiClient.Result r = timed("WRITE #" + n,
                        () -> client.write16((long) s * WRITE / BLOCK, pattern(n, s), BLOCK, batch == 1));
                if (!r.good()) {
                    failure = r;
                }
            }
            if (failure == null && batch > 1) {
                IscsiClient.Result r = timed("SYNCHRONIZE CACHE", client::synchronizeCache);
                failure = r.good() ? null : r;
            }
            if (failure == null) {
                for (int i = 0; i < batch; i++) {
                    int s = (slot + i) % SLOTS;
                    acked[s] = issued[i];
                    unackedSinceAck.get(s).clear();
                }
                good++;
                slot = (slot + batch) % SLOTS;
                return true;
            }
            failed++;
            failureSenses.merge(String.format("status %02x sense %s", failure.status(), failure.senseText()), 1,
                    Integer::sum);
            Thread.sleep(20);
            return false;
        }

        private interface Command {
            IscsiClient.Result run() throws Exception;
        }

        private IscsiClient.Result timed(String what, Command command) throws Exception {
            long start = System.nanoTime();
            try {
                return command.run();
            } catch (SocketTimeoutException e) {
                throw new AssertionError(what + " got no status within " + COMMAND_BOUND.toSeconds() + " s", e);
            } finally {
                slowestNanos = Math.max(slowestNanos, System.nanoTime() - start);
            }
        }

        /** Writes for {@code millis}; returns how many failed. */
        int writeFor(long millis) throws Exception {
            int before = failed;
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (System.nanoTime() < end) {
                writeNext();
            }
            return failed - before;
        }

        /** Writes {@code count} commands; returns how many failed. */
        int writeCount(int count) throws Exception {
            int before = failed;
            for (int i = 0; i < count; i++) {
                writeNext();
            }
            return failed - before;
        }

        /** Writes until one gets GOOD (or fails, per {@code wantGood}); the time that took. */
        long writeUntil(boolean wantGood, Duration limit, String what) throws Exception {
            long start = System.nanoTime();
            long end = start + limit.toNanos();
            while (writeNext() != wantGood) {
                if (System.nanoTime() > end) {
                    throw new AssertionError(what + " did not happen within " + limit.toSeconds() + " s");
                }
            }
            return System.nanoTime() - start;
        }
    }

    @Test
    void killingTheBrickUnderAFuaWriteStreamLosesNoAcknowledgedWriteAndIoResumes() throws Exception {
        killAndRestartTheBrickUnder(1);
    }

    /**
     * What Linux initiators do with WCE=1: plain writes, then SYNCHRONIZE CACHE; a batch counts as
     * acknowledged only when all its writes and the flush got GOOD.
     */
    @Test
    void killingTheBrickUnderPlainWritesAndFlushesLosesNoFlushedWriteAndIoResumes() throws Exception {
        killAndRestartTheBrickUnder(8);
    }

    private void killAndRestartTheBrickUnder(int batch) throws Exception {
        GlusterBrick.assumeDestructiveAllowed();
        GlusterTestVolume volume = GlusterTestVolume.require();
        String path = GlusterTestVolume.scratchName("integ-brick");
        String config = "glfs/" + volume.volume() + "@" + volume.host() + "/" + path;
        TargetModel model = new TargetModel(
                new ModelEnvironment("gw1.example.com", "x86_64", UUID::randomUUID, DeviceProbe.system()));
        Tpg tpg = TestTargets.demo(model, IQN, PORT);
        StorageObject so = model.createUser("brick", SIZE, config, null, null, null);
        // The single-gateway write-back mode: the one where the flushes are the durability points.
        model.setStorageObjectAttribute(so, "emulate_write_cache", "1");
        model.createLun(tpg, 0, so, null);

        Stream stream;
        long killed = -1;
        boolean restarted = false;
        try (TargetEngine engine = TargetEngine.start(model);
             IscsiClient client = new IscsiClient("127.0.0.1", PORT, COMMAND_BOUND)) {
            assertThat(client.login(CLIENT, IQN, null, null, false, false).ok()).isTrue();
            awaitGood(client);
            assertThat(writeCacheEnabled(client)).as("WCE in the caching mode page: what makes flushes the"
                    + " durability points this test checks").isTrue();
            stream = new Stream(client, batch);
            try {
                assertThat(stream.writeFor(2000)).as("failures before the brick is killed").isZero();
                int beforeKill = stream.good;

                long killedAt = System.nanoTime();
                killed = GlusterBrick.kill(volume.volume());
                long untilFailure = stream.writeUntil(false, Duration.ofSeconds(30), "a write failing after the kill");
                int outageFailures = stream.writeFor(2000);
                assertThat(outageFailures).as("writes failing while the brick is down").isPositive();

                long restartAt = System.nanoTime();
                GlusterBrick.restart(volume.volume(), killed);
                restarted = true;
                long restartTook = System.nanoTime() - restartAt;
                long untilGood = stream.writeUntil(true, Duration.ofSeconds(90), "a write succeeding after the restart");
                long outage = System.nanoTime() - killedAt;
                int failedBeforeResume = stream.failed;
                // Fewer than SLOTS: the writes acknowledged just before the kill stay to be checked.
                assertThat(stream.writeCount(SLOTS / 4 / batch)).as("failures after I/O resumed").isZero();

                System.out.printf("GlfsBrickRestartOverIscsiTest batch %d: %d units GOOD before the kill; first failure"
                                + " %d ms after kill -9; restart took %d ms; first GOOD %d ms after restart; kill to"
                                + " resume %d ms; %d units failed, %d GOOD in all; slowest command %d ms; failures: %s%n",
                        batch, beforeKill, ms(untilFailure), ms(restartTook), ms(untilGood), ms(outage), failedBeforeResume,
                        stream.good, ms(stream.slowestNanos), stream.failureSenses);
            } finally {
                if (killed > 0 && !restarted) {
                    GlusterBrick.restart(volume.volume(), killed);
                }
            }
            assertThat(stream.slowestNanos).as("slowest command").isLessThan(COMMAND_BOUND.toNanos());
            // NOT READY, LOGICAL UNIT NOT ACCESSIBLE, TARGET PORT IN STANDBY STATE (as tcmu-runner).
            assertThat(stream.failureSenses.keySet()).allMatch(s -> s.equals("status 02 sense 2/04/0b"),
                    "every failure is CHECK CONDITION with NOT READY 04/0b");
        }
        try (Glfs glfs = volume.connect()) {
            try {
                int checked = checkEveryAcknowledgedWrite(glfs, path, stream);
                assertThat(checked).as("slots holding an acknowledged write")
                        .isEqualTo((int) Math.min(SLOTS, (long) stream.good * batch));
                System.out.printf("GlfsBrickRestartOverIscsiTest batch %d: %d slots checked over gfapi%n", batch, checked);
            } finally {
                glfs.unlink(path);
            }
        }
    }

    /** Reads the LUN's file over gfapi, not through glio, and checks every block of every slot. */
    private static int checkEveryAcknowledgedWrite(Glfs glfs, String path, Stream stream) throws Exception {
        int checked = 0;
        try (GlfsFile file = glfs.open(path)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(WRITE);
            byte[] slotData = new byte[WRITE];
            for (int slot = 0; slot < SLOTS; slot++) {
                buffer.clear();
                while (buffer.hasRemaining()) {
                    int n = file.pread(buffer, (long) slot * WRITE + buffer.position());
                    assertThat(n).as("pread of slot %d", slot).isPositive();
                }
                buffer.flip().get(slotData);
                List<Long> candidates = new ArrayList<>(stream.unackedSinceAck.get(slot));
                candidates.add(stream.acked[slot]);
                for (int block = 0; block < WRITE / BLOCK; block++) {
                    byte[] actual = Arrays.copyOfRange(slotData, block * BLOCK, (block + 1) * BLOCK);
                    boolean matches = false;
                    for (long n : candidates) {
                        byte[] expected = n < 0 ? new byte[BLOCK] : block(n, slot, block);
                        matches |= Arrays.equals(actual, expected);
                    }
                    if (!matches) {
                        throw new AssertionError(String.format("slot %d block %d on the volume holds neither the"
                                        + " acknowledged write #%d nor a later unacknowledged one %s (it starts with sequence %d)",
                                slot, block, stream.acked[slot], stream.unackedSinceAck.get(slot),
                                ByteBuffer.wrap(actual).getLong(0)));
                    }
                }
                checked += stream.acked[slot] >= 0 ? 1 : 0;
            }
        }
        return checked;
    }

    /** MODE SENSE(6) of the caching page (SBC-3 §6.4.5): its WCE bit. */
    private static boolean writeCacheEnabled(IscsiClient client) throws Exception {
        IscsiClient.Result r = client.execute(new byte[] {0x1a, 0, 0x08, 0, (byte) 255, 0}, 255, null);
        assertThat(r.good()).as("MODE SENSE: %s", r.senseText()).isTrue();
        int page = 4 + (r.data()[3] & 0xff); // mode parameter header (6), then the block descriptors
        assertThat(r.data()[page] & 0x3f).as("page code").isEqualTo(0x08);
        return (r.data()[page + 2] & 0x04) != 0;
    }

    /** The first TEST UNIT READY reports the power-on unit attention; the store may still be opening. */
    private static void awaitGood(IscsiClient client) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        IscsiClient.Result r = client.testUnitReady();
        while (!r.good()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the glfs LUN is not ready after 60 s: sense " + r.senseText());
            }
            Thread.sleep(100);
            r = client.testUnitReady();
        }
    }

    private static byte[] pattern(long n, int slot) {
        byte[] data = new byte[WRITE];
        for (int block = 0; block < WRITE / BLOCK; block++) {
            System.arraycopy(block(n, slot, block), 0, data, block * BLOCK, BLOCK);
        }
        return data;
    }

    /** One block of write #n: its sequence number, slot and block index, then seeded noise. */
    private static byte[] block(long n, int slot, int block) {
        byte[] b = new byte[BLOCK];
        ByteBuffer.wrap(b).putLong(n).putInt(slot).putInt(block);
        SplittableRandom noise = new SplittableRandom(n * 1000 + block);
        for (int i = 16; i < BLOCK; i += 8) {
            ByteBuffer.wrap(b, i, 8).putLong(noise.nextLong());
        }
        return b;
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
