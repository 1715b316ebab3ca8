package io.glio.engine.backing;

import io.glio.engine.backing.file.FileBackingStore;
import io.glio.engine.backing.ram.NullBackingStore;
import io.glio.engine.backing.ram.RamdiskBackingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalStoresTest {

    @TempDir
    Path folder;

    @Test
    void ramdiskAllocatesPagesOnFirstWriteAndGivesThemBackOnUnmap() throws Exception {
        RamdiskBackingStore rd = new RamdiskBackingStore(1 << 20);

        rd.write(8192, ByteBuffer.wrap(new byte[] {1, 2, 3}), false).get();
        assertThat(rd.allocatedPages()).isEqualTo(1);
        ByteBuffer back = ByteBuffer.allocate(5);
        rd.read(8191, back).get();
        assertThat(back.array()).containsExactly(0, 1, 2, 3, 0);

        assertThat(rd.allocation(8192, 65536).get()).isEqualTo(new BackingStore.Extent(true, 4096));
        rd.unmap(8192, 4096).get();
        assertThat(rd.allocatedPages()).isZero();
        assertThat(rd.allocation(0, 65536).get()).isEqualTo(new BackingStore.Extent(false, 65536));
    }

    @Test
    void ramdiskReadAcrossWrittenAndUnwrittenPagesOverwritesTheBufferWithZeroesAroundTheData() throws Exception {
        RamdiskBackingStore rd = new RamdiskBackingStore(1 << 20);
        rd.write(4096 + 100, ByteBuffer.wrap(new byte[] {7, 8, 9}), false).get();
        ByteBuffer dst = ByteBuffer.allocateDirect(3 * 4096 - 10);
        while (dst.hasRemaining()) {
            dst.put((byte) 0x5a); // stale bytes a pooled transport buffer may hold
        }
        dst.clear();

        rd.read(10, dst).get();

        assertThat(dst.hasRemaining()).isFalse();
        for (int i = 0; i < dst.capacity(); i++) {
            long at = 10L + i;
            byte expected = at >= 4196 && at < 4199 ? (byte) (7 + at - 4196) : 0;
            assertThat(dst.get(i)).as("byte at %d", at).isEqualTo(expected);
        }
    }

    @Test
    void ramdiskRejectsIoPastItsSize() {
        RamdiskBackingStore rd = new RamdiskBackingStore(4096);

        assertThatThrownBy(() -> rd.write(4000, ByteBuffer.allocate(200), false).get())
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(BackingStoreException.class);
        assertThat(rd.allocatedPages()).isZero();
    }

    @Test
    void nullioReadsZeroesAndDropsWrites() throws Exception {
        NullBackingStore nul = new NullBackingStore(1 << 20);
        ByteBuffer data = ByteBuffer.wrap(new byte[] {9, 9, 9});

        nul.write(0, data, true).get();
        ByteBuffer back = ByteBuffer.wrap(new byte[] {7, 7, 7});
        nul.read(0, back).get();

        assertThat(data.hasRemaining()).isFalse();
        assertThat(back.array()).containsOnly(0);
    }

    @Test
    void fileStoreCreatesAMissingFileAtTheServedSizeAndZeroesUnmappedRanges() throws Exception {
        Path file = folder.resolve("disk.img");
        try (FileBackingStore store = FileBackingStore.open(file, 1 << 20, true, false, 2)) {
            assertThat(Files.size(file)).isEqualTo(1 << 20);
            byte[] ones = new byte[4096];
            java.util.Arrays.fill(ones, (byte) 1);

            store.write(4096, ByteBuffer.wrap(ones), false).get();
            assertThat(store.allocation(4096, 8192).get()).isEqualTo(new BackingStore.Extent(true, 4096));
            store.unmap(4096 + 512, 1024).get();

            byte[] disk = Files.readAllBytes(file);
            assertThat(java.util.Arrays.copyOfRange(disk, 4096, 4096 + 512)).containsOnly(1);
            assertThat(java.util.Arrays.copyOfRange(disk, 4096 + 512, 4096 + 1536)).containsOnly(0);
            assertThat(store.allocation(4096 + 512, 8192).get()).isEqualTo(new BackingStore.Extent(false, 1024));
        }
    }

    @Test
    void closedFileStoreAnswersNotReady() throws Exception {
        FileBackingStore store = FileBackingStore.open(folder.resolve("x.img"), 8192, false, false, 1);
        store.close();

        assertThatThrownBy(() -> store.read(0, ByteBuffer.allocate(512)).get())
                .hasCauseInstanceOf(BackingStoreException.class)
                .cause().satisfies(c -> assertThat(((BackingStoreException) c).condition())
                        .isEqualTo(BackingStoreException.Condition.NOT_READY));
    }

    @Test
    void closeWritesWhatWasQueuedBeforeItAndTheDataIsThereAfterReopening() throws Exception {
        Path file = folder.resolve("queued.img");
        int writes = 64;
        int chunk = 1 << 20;
        List<CompletableFuture<Void>> queued = new ArrayList<>();
        FileBackingStore store = FileBackingStore.open(file, (long) writes * chunk, false, false, 1);
        // One I/O thread: all but the first write wait in the queue when close() begins.
        for (int k = 0; k < writes; k++) {
            queued.add(store.write((long) k * chunk, ByteBuffer.wrap(filled(chunk, k + 1)), false));
        }
        store.close();

        for (int k = 0; k < writes; k++) {
            assertThat(queued.get(k)).as("write %d", k).isCompletedWithValue(null);
        }
        try (FileBackingStore reopened = FileBackingStore.open(file, -1, false, true, 1)) {
            for (int k = 0; k < writes; k++) {
                ByteBuffer back = ByteBuffer.allocate(chunk);
                reopened.read((long) k * chunk, back).get();
                assertThat(back.array()).as("chunk %d", k).isEqualTo(filled(chunk, k + 1));
            }
        }
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
