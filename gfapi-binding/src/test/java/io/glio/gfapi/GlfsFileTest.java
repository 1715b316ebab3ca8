package io.glio.gfapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** gfapi calls on the real test volume, through one shared connection. */
class GlfsFileTest {

    private static GlusterTestVolume volume;
    private static Glfs glfs;
    private final List<String> created = new ArrayList<>();

    @BeforeAll
    static void connect() throws GlfsException {
        volume = GlusterTestVolume.require();
        glfs = volume.connect();
    }

    @AfterAll
    static void disconnect() {
        if (glfs != null) {
            glfs.close();
        }
    }

    @AfterEach
    void removeFiles() throws GlfsException {
        for (String path : created) {
            glfs.unlink(path);
        }
    }

    private GlfsFile newFile(String what) throws GlfsException {
        String path = GlusterTestVolume.scratchName(what);
        GlfsFile file = glfs.create(path, 0600);
        created.add(path);
        return file;
    }

    private static ByteBuffer randomDirect(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return ByteBuffer.allocateDirect(size).put(bytes).flip();
    }

    @Test
    void writtenBytesReadBackAtTheirOffset() throws GlfsException {
        try (GlfsFile file = newFile("roundtrip")) {
            ByteBuffer data = randomDirect(64 * 1024, 1);
            assertThat(file.pwrite(data, 4096)).isEqualTo(64 * 1024);
            assertThat(data.remaining()).isZero();
            file.fsync();
            file.fdatasync();

            ByteBuffer back = ByteBuffer.allocateDirect(64 * 1024);
            assertThat(file.pread(back, 4096)).isEqualTo(64 * 1024);
            assertThat(back.flip()).isEqualTo(data.rewind());
            assertThat(file.size()).isEqualTo(4096 + 64 * 1024);
        }
    }

    @Test
    void buffersAreUsedFromTheirPositionNotTheirStart() throws GlfsException {
        try (GlfsFile file = newFile("position")) {
            ByteBuffer src = randomDirect(1000, 2).position(100).limit(300);
            file.pwrite(src, 0);
            assertThat(src.position()).isEqualTo(300);

            ByteBuffer dst = ByteBuffer.allocateDirect(500).position(50).limit(250);
            assertThat(file.pread(dst, 0)).isEqualTo(200);
            assertThat(dst.position()).isEqualTo(250);
            assertThat(dst.position(50)).isEqualTo(src.position(100));
        }
    }

    @Test
    void readPastEndOfFileReturnsShortCount() throws GlfsException {
        try (GlfsFile file = newFile("eof")) {
            file.pwrite(randomDirect(100, 3), 0);
            ByteBuffer dst = ByteBuffer.allocateDirect(300);
            assertThat(file.pread(dst, 50)).isEqualTo(50);
            assertThat(file.pread(ByteBuffer.allocateDirect(10), 1000)).isZero();
        }
    }

    @Test
    void ftruncateGrowsWithZeroesAndShrinks() throws GlfsException {
        try (GlfsFile file = newFile("truncate")) {
            file.pwrite(randomDirect(4096, 4), 0);
            file.ftruncate(1 << 20);
            assertThat(file.size()).isEqualTo(1 << 20);
            assertThat(glfs.fileSize(file.path())).isEqualTo(1 << 20);
            ByteBuffer tail = ByteBuffer.allocateDirect(4096);
            file.pread(tail, (1 << 20) - 4096);
            assertThat(tail.flip()).isEqualTo(ByteBuffer.allocate(4096));

            file.ftruncate(1000);
            assertThat(file.size()).isEqualTo(1000);
        }
    }

    @Test
    void discardedAndZerofilledRangesReadAsZeroes() throws GlfsException {
        try (GlfsFile file = newFile("zero")) {
            file.pwrite(randomDirect(3 * 65536, 5), 0);
            file.discard(0, 65536);
            file.zerofill(65536, 65536);

            ByteBuffer all = ByteBuffer.allocateDirect(3 * 65536);
            file.pread(all, 0);
            all.flip();
            ByteBuffer zeroes = ByteBuffer.allocate(2 * 65536);
            assertThat(all.duplicate().limit(2 * 65536)).isEqualTo(zeroes);
            assertThat(all.position(2 * 65536)).isEqualTo(randomDirect(3 * 65536, 5).position(2 * 65536));
            assertThat(file.size()).isEqualTo(3 * 65536);
        }
    }

    /** Collects one asynchronous outcome. */
    private static final class Outcome implements GlfsCompletion {
        final CompletableFuture<Long> result = new CompletableFuture<>();
        volatile String thread;

        @Override
        public void completed(long n) {
            thread = Thread.currentThread().getName();
            result.complete(n);
        }

        @Override
        public void failed(GlfsException error) {
            thread = Thread.currentThread().getName();
            result.completeExceptionally(error);
        }

        long get() throws Exception {
            return result.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void asynchronousCallsCompleteWithTheirResults() throws Exception {
        try (GlfsFile file = newFile("async")) {
            ByteBuffer data = randomDirect(128 * 1024, 6);
            Outcome write = new Outcome();
            file.pwriteAsync(data, 8192, write);
            assertThat(write.get()).isEqualTo(128 * 1024);
            assertThat(data.remaining()).isZero();

            Outcome sync = new Outcome();
            file.fdatasyncAsync(sync);
            assertThat(sync.get()).isZero();
            Outcome fsync = new Outcome();
            file.fsyncAsync(fsync);
            assertThat(fsync.get()).isZero();

            ByteBuffer back = ByteBuffer.allocateDirect(128 * 1024);
            Outcome read = new Outcome();
            file.preadAsync(back, 8192, read);
            assertThat(read.get()).isEqualTo(128 * 1024);
            assertThat(back.flip()).isEqualTo(data.rewind());

            Outcome discard = new Outcome();
            file.discardAsync(8192, 65536, discard);
            discard.get();
            Outcome zero = new Outcome();
            file.zerofillAsync(8192 + 65536, 65536, zero);
            zero.get();
            ByteBuffer zeroes = ByteBuffer.allocateDirect(128 * 1024);
            file.pread(zeroes, 8192);
            assertThat(zeroes.flip()).isEqualTo(ByteBuffer.allocate(128 * 1024));
            file.closeWhenIdle(30_000); // the zerofill's completion may still be returning
        }
    }

    @Test
    void completionsNeverRunOnClientIoThreadWorkers() throws Exception {
        // Connections put the client io-threads xlator in pass-through (Glfs.CLIENT_IO_THREADS_PROPERTY).
        // Otherwise its workers (native name glfs_iotwrNNN) wind every call, and write-behind
        // acknowledges writes there: a hand-off per call, and each worker is attached to the JVM
        // afresh for each of its first 1000 completions.
        try (GlfsFile file = newFile("threads")) {
            Set<String> nativeThreads = ConcurrentHashMap.newKeySet();
            List<CompletableFuture<Long>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                CompletableFuture<Long> write = new CompletableFuture<>();
                calls.add(write);
                file.pwriteAsync(randomDirect(4096, i), i * 4096L, recordingThread(nativeThreads, write));
            }
            for (int i = 0; i < 64; i++) {
                CompletableFuture<Long> read = new CompletableFuture<>();
                calls.add(read);
                file.preadAsync(ByteBuffer.allocateDirect(4096), i * 4096L, recordingThread(nativeThreads, read));
            }
            for (CompletableFuture<Long> call : calls) {
                assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo(4096);
            }
            assertThat(nativeThreads).isNotEmpty().noneMatch(name -> name.startsWith("glfs_iotwr"));
            // A call counts as running until its completion returns, just after its future is
            // completed: a plain close() here failed once in a clean-clone CI run.
            file.closeWhenIdle(30_000);
        }
    }

    private static GlfsCompletion recordingThread(Set<String> nativeThreads, CompletableFuture<Long> result) {
        return new GlfsCompletion() {
            @Override
            public void completed(long n) {
                nativeThreads.add(nativeName());
                result.complete(n);
            }

            @Override
            public void failed(GlfsException error) {
                result.completeExceptionally(error);
            }
        };
    }

    /** The calling thread's name as the kernel knows it (a JVM-attached gfapi thread keeps its own). */
    private static String nativeName() {
        try {
            return Files.readString(Path.of("/proc/thread-self/comm")).strip();
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void asynchronousFailuresCarryTheErrnoOfTheCallbackThread() throws Exception {
        GlfsFile file = newFile("async-fail");
        try {
            Outcome read = new Outcome();
            file.preadAsync(ByteBuffer.allocateDirect(512), -4096, read);
            assertThatThrownBy(read::get).cause()
                    .isInstanceOfSatisfying(GlfsException.class, e -> assertThat(e.errnoName()).isEqualTo("EINVAL"))
                    .hasMessageContaining("glfs_pread_async '" + file.path() + "' on volume '" + volume.volume()
                            + "' at -4096 length 512: EINVAL");
            // gfapi accepts the request and fails it later: errno came from its callback thread.
            assertThat(read.thread).isNotEqualTo(Thread.currentThread().getName());
        } finally {
            // The call counts as running until its completion returns, which may be just after
            // read.get() woke up: a plain close() here failed now and then on a loaded machine.
            file.closeWhenIdle(30_000);
        }
    }

    @Test
    void aFileWithAsynchronousCallsRunningRefusesToCloseButClosesWhenIdle() throws Exception {
        GlfsFile file = newFile("async-close");
        file.pwrite(randomDirect(1 << 20, 7), 0);
        // An fsync goes to the brick, so it completes on a gfapi thread (the client's write-behind
        // may acknowledge a write at once, on the caller's thread).
        Outcome fsync = new Outcome();
        CountDownLatch release = new CountDownLatch(1);
        file.fsyncAsync(new GlfsCompletion() {
            @Override
            public void completed(long result) {
                awaitQuietly(release);
                fsync.completed(result);
            }

            @Override
            public void failed(GlfsException error) {
                awaitQuietly(release);
                fsync.failed(error);
            }
        });
        assertThatThrownBy(file::close).isInstanceOf(IllegalStateException.class).hasMessageContaining("1 call(s) running");
        Thread releaser = new Thread(() -> {
            awaitQuietly(new CountDownLatch(1), 200);
            release.countDown();
        });
        releaser.start();
        file.closeWhenIdle(30_000);
        assertThat(fsync.get()).isZero();
        assertThatThrownBy(file::size).isInstanceOf(IllegalStateException.class);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        awaitQuietly(latch, 30_000);
    }

    private static void awaitQuietly(CountDownLatch latch, long millis) {
        try {
            latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void openingAMissingFileFailsWithEnoent() {
        assertThatThrownBy(() -> glfs.open("gfapi-does-not-exist"))
                .isInstanceOfSatisfying(GlfsException.class, e -> {
                    assertThat(e.errno()).isEqualTo(2);
                    assertThat(e.errnoName()).isEqualTo("ENOENT");
                    assertThat(e.call()).isEqualTo("glfs_open");
                    assertThat(e.libraryMissing()).isFalse();
                })
                .hasMessage("glfs_open 'gfapi-does-not-exist' on volume '" + volume.volume()
                        + "': ENOENT (No such file or directory)");
    }

    @Test
    void creatingAnExistingFileFailsWithEexist() throws GlfsException {
        try (GlfsFile file = newFile("exists")) {
            assertThatThrownBy(() -> glfs.create(file.path(), 0600))
                    .isInstanceOfSatisfying(GlfsException.class, e -> assertThat(e.errnoName()).isEqualTo("EEXIST"));
        }
    }

    @Test
    void connectionRefusesToCloseWhileAFileIsOpen() throws GlfsException {
        GlfsFile file = newFile("close-order");
        assertThat(glfs.openFiles()).isEqualTo(1);
        assertThatThrownBy(glfs::close)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 file(s) open");
        file.close();
        file.close();
        assertThat(glfs.openFiles()).isZero();
        assertThatThrownBy(() -> file.size()).isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
        // the connection still works after the refused close
        assertThat(glfs.fileSize(file.path())).isZero();
    }

    @Test
    void heapBuffersAreRefused() throws GlfsException {
        try (GlfsFile file = newFile("heap")) {
            assertThatThrownBy(() -> file.pwrite(ByteBuffer.allocate(10), 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("direct ByteBuffer");
        }
    }

    @Test
    void aVolumeThatDoesNotExistIsAClearError() {
        assertThatThrownBy(() -> Glfs.connect("gfapi-no-such-volume", volume.servers()))
                .isInstanceOfSatisfying(GlfsException.class, e -> assertThat(e.errnoName()).isEqualTo("ENOENT"))
                .hasMessageStartingWith("glfs_init of volume 'gfapi-no-such-volume' via [")
                .hasMessageEndingWith("no volume 'gfapi-no-such-volume' on " + List.of(VolfileServer.parse(volume.host())));
    }

    @Test
    void aHostThatDoesNotResolveIsNamed() {
        assertThatThrownBy(() -> Glfs.connect(volume.volume(), List.of("gfapi-no-such-host.invalid")))
                .isInstanceOfSatisfying(GlfsException.class, e -> assertThat(e.errnoName()).isEqualTo("ENOTCONN"))
                .hasMessageEndingWith("host name does not resolve: gfapi-no-such-host.invalid");
    }
}
