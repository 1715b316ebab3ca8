package io.glio.target.engine;

import io.glio.target.scsi.ScsiCompletion;
import io.glio.target.scsi.TaskAttribute;
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
}
