package io.glio.engine.runtime;

import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.TaskAttribute;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What other commands see while a WRITE ATOMIC or ORWRITE is in flight, on a ramdisk whose
 * writes wait for the test to open a gate (its reads complete in line, so a read that is not
 * held back by the range lock is done at once).
 */
class AtomicWriteIsolationTest extends GatedLunTest {

    @Test
    void readsOfTheBlocksOfAnAtomicWriteInFlightWaitAndThenSeeAllOfIt() throws Exception {
        byte[] data = new byte[8 * 512];
        Arrays.fill(data, (byte) 0x6b);
        CompletableFuture<Initiator.Result> atomic = submit(AtomicWritesTest.writeAtomic(0, 8), data);
        gated.writeStarted.get(5, TimeUnit.SECONDS);

        CompletableFuture<Initiator.Result> inside = submit(Initiator.read16(4, 2), null);
        CompletableFuture<Initiator.Result> outside = submit(Initiator.read16(8, 2), null);

        assertThat(outside.get(5, TimeUnit.SECONDS).status()).isEqualTo(ScsiCompletion.GOOD);
        assertThat(inside).isNotDone();
        gated.gate.complete(null);
        assertThat(atomic.get(5, TimeUnit.SECONDS).status()).isEqualTo(ScsiCompletion.GOOD);
        assertThat(inside.get(5, TimeUnit.SECONDS).data()).hasSize(1024).containsOnly(0x6b);
    }

    @Test
    void anOrWriteWaitsForTheAtomicWriteOfItsBlocksAndOrsIntoItsData() throws Exception {
        byte[] data = new byte[8 * 512];
        Arrays.fill(data, (byte) 0x0f);
        CompletableFuture<Initiator.Result> atomic = submit(AtomicWritesTest.writeAtomic(8, 8), data);
        gated.writeStarted.get(5, TimeUnit.SECONDS);
        byte[] high = new byte[512];
        Arrays.fill(high, (byte) 0xf0);

        CompletableFuture<Initiator.Result> or = submit(AtomicWritesTest.orWrite(15, 1), high);

        assertThat(or).isNotDone();
        gated.gate.complete(null);
        assertThat(atomic.get(5, TimeUnit.SECONDS).status()).isEqualTo(ScsiCompletion.GOOD);
        assertThat(or.get(5, TimeUnit.SECONDS).status()).isEqualTo(ScsiCompletion.GOOD);
        assertThat(init.run(LUN, Initiator.read16(15, 1), 512).data()).containsOnly(0xff);
    }

    private CompletableFuture<Initiator.Result> submit(byte[] cdb, byte[] dataOut) {
        int length = dataOut == null ? (cdb[13] & 0xff) * 512 : dataOut.length;
        return init.submit(LUN, cdb, length, dataOut, TaskAttribute.SIMPLE, Initiator.nextTag());
    }
}
