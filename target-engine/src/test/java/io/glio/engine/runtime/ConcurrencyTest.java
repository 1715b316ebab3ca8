package io.glio.engine.runtime;

import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.TaskAttribute;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyTest extends FixtureTest {


    /** Four submitters, 200 writes each to their own LBAs, mixed with ORDERED ones; then every block is checked. */
    @ParameterizedTest(name = "lun {0}")
    @ValueSource(ints = {0, 1})
    void concurrentWritersFromTwoNexusesAllLandIntact(int lun) throws Exception {
        Initiator one = fx.first();
        Initiator two = fx.second();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<CompletableFuture<Initiator.Result>> all = new ArrayList<>();
        try {
            List<CompletableFuture<List<CompletableFuture<Initiator.Result>>>> submitters = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                Initiator who = t % 2 == 0 ? one : two;
                submitters.add(CompletableFuture.supplyAsync(() -> {
                    List<CompletableFuture<Initiator.Result>> mine = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        long lba = thread * 1000L + i;
                        TaskAttribute attr = i % 50 == 0 ? TaskAttribute.ORDERED : TaskAttribute.SIMPLE;
                        mine.add(who.submit(lun, Initiator.write16(lba, 1), 512,
                                Initiator.pattern(512, (int) lba), attr, Initiator.nextTag()));
                    }
                    return mine;
                }, pool));
            }
            for (var s : submitters) {
                all.addAll(s.get());
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdown();
        }

        assertThat(all).allSatisfy(f -> assertThat(f.get().status()).isEqualTo(ScsiCompletion.GOOD));
        for (int t = 0; t < 4; t++) {
            byte[] back = one.run(lun, Initiator.read16(t * 1000L, 200), 200 * 512).data();
            for (int i = 0; i < 200; i++) {
                byte[] expected = Initiator.pattern(512, t * 1000 + i);
                assertThat(java.util.Arrays.copyOfRange(back, i * 512, (i + 1) * 512)).as("lba %d", t * 1000 + i)
                        .isEqualTo(expected);
            }
        }
    }

    /**
     * Eight racing COMPARE AND WRITEs per round, each trying to bump a counter block from the
     * value it read: exactly one wins every round, so the counter ends at the number of rounds.
     */
    @ParameterizedTest(name = "lun {0}")
    @ValueSource(ints = {0, 1})
    void compareAndWriteIsAtomicUnderContention(int lun) throws Exception {
        Initiator one = fx.first();
        Initiator two = fx.second();
        one.write(lun, Initiator.write16(9, 1), counter(0));
        int wins = 0;
        for (int round = 0; round < 20; round++) {
            List<CompletableFuture<Initiator.Result>> racers = new ArrayList<>();
            for (int r = 0; r < 8; r++) {
                byte[] cdb = new byte[16];
                cdb[0] = (byte) 0x89;
                cdb[9] = 9;
                cdb[13] = 1;
                byte[] data = new byte[1024];
                System.arraycopy(counter(round), 0, data, 0, 512);
                System.arraycopy(counter(round + 1), 0, data, 512, 512);
                racers.add((r % 2 == 0 ? one : two).submit(lun, cdb, 1024, data, TaskAttribute.SIMPLE,
                        Initiator.nextTag()));
            }
            for (var f : racers) {
                Initiator.Result res = f.get();
                if (res.status() == ScsiCompletion.GOOD) {
                    wins++;
                } else {
                    assertThat(res.sense()).isEqualTo("e/1d/00");
                }
            }
            assertThat(wins).isEqualTo(round + 1);
        }
        assertThat(one.run(lun, Initiator.read16(9, 1), 512).data()).isEqualTo(counter(20));
    }

    private static byte[] counter(int value) {
        return java.nio.ByteBuffer.allocate(512).putInt(value).array();
    }
}
