package io.glio.engine.backing.glfs;

import static io.glio.engine.backing.glfs.GlfsTestVolumes.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glio.gfapi.GlfsException;
import io.glio.engine.backing.BackingStoreException;
import io.glio.engine.backing.BackingStoreException.Condition;
import io.glio.engine.model.StorageObject;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** user:glfs stores on the real test volume, opened from model storage objects. */
class GlfsBackingStoreTest {

    private static final int MIB = 1 << 20;

    private static GlfsTestVolumes gluster;
    private static GlfsBackingStoreProvider provider;
    private final List<GlfsBackingStore> stores = new ArrayList<>();

    @BeforeAll
    static void connect() throws Exception {
        gluster = new GlfsTestVolumes();
        provider = new GlfsBackingStoreProvider(GlfsTestVolumes.QUICK);
    }

    @AfterAll
    static void disconnect() throws Exception {
        if (gluster != null) {
            gluster.close();
        }
    }

    @AfterEach
    void closeStores() throws Exception {
        stores.forEach(GlfsBackingStore::close);
        gluster.removeFiles();
    }

    private GlfsBackingStore open(StorageObject so) throws BackingStoreException {
        GlfsBackingStore store = provider.open(so);
        stores.add(store);
        return store;
    }

    private static void await(CompletableFuture<Void> io) throws Exception {
        io.get(30, TimeUnit.SECONDS);
    }

    @Test
    void providerHandlesUserGlfsObjectsOnly() {
        StorageObject glfs = gluster.userObject("gfapi-handles", MIB, "x");
        assertThat(provider.handles(glfs)).isTrue();
        StorageObject ram = gluster.model.createRamdisk("gfapi-ram", MIB, false, null);
        assertThat(provider.handles(ram)).isFalse();
    }

    @Test
    void openCreatesAMissingFileSparseAtTheObjectSize() throws Exception {
        String path = gluster.newPath("create");
        GlfsBackingStore store = open(gluster.userObject("gfapi-create", 4 * MIB, path));

        assertThat(store.isReady()).isTrue();
        assertThat(store.state().description()).isEqualTo("connected");
        assertThat(store.size()).isEqualTo(4 * MIB);
        assertThat(gluster.glfs.fileSize(path)).isEqualTo(4 * MIB);
    }

    @Test
    void writtenDataReadsBackAndQemuSeesItOverGluster(@TempDir Path tmp) throws Exception {
        String path = gluster.newPath("qemu");
        GlfsBackingStore store = open(gluster.userObject("gfapi-qemu", MIB, path));
        ByteBuffer direct = randomBytes(256 * 1024, 1, true);
        ByteBuffer heap = randomBytes(4096, 2, false);

        await(store.write(64 * 1024, direct.duplicate(), false));
        await(store.write(0, heap.duplicate(), true));
        await(store.flush());

        ByteBuffer back = ByteBuffer.allocateDirect(256 * 1024);
        await(store.read(64 * 1024, back));
        assertThat(back.flip()).isEqualTo(direct);
        ByteBuffer backHeap = ByteBuffer.allocate(4096);
        await(store.read(0, backHeap));
        assertThat(backHeap.flip()).isEqualTo(heap);

        // A second gluster client (qemu's) reads the file; one run, as each costs a glfs_fini.
        Path copy = tmp.resolve("copy.img");
        List<String> convert = List.of("qemu-img", "convert", "-f", "raw", "-O", "raw",
                "gluster://" + gluster.volume.host() + "/" + gluster.volume.volume() + "/" + path, copy.toString());
        assertThat(GlfsTestVolumes.run(convert)).as("qemu-img convert exit status").isZero();
        byte[] expected = new byte[MIB];
        heap.duplicate().get(expected, 0, 4096);
        direct.duplicate().get(expected, 64 * 1024, 256 * 1024);
        assertThat(Files.readAllBytes(copy)).isEqualTo(expected);
    }

    @Test
    void manyConcurrentRequestsAllCompleteWithTheirOwnData() throws Exception {
        GlfsBackingStore store = open(gluster.userObject("gfapi-many", MIB, gluster.newPath("many")));
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            writes.add(store.write(i * 4096L, randomBytes(4096, 100 + i, i % 2 == 0), i % 16 == 0));
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        List<ByteBuffer> reads = new ArrayList<>();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            ByteBuffer dst = i % 3 == 0 ? ByteBuffer.allocate(4096) : ByteBuffer.allocateDirect(4096);
            reads.add(dst);
            pending.add(store.read(i * 4096L, dst));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        for (int i = 0; i < 256; i++) {
            assertThat(reads.get(i).flip()).as("block " + i).isEqualTo(randomBytes(4096, 100 + i, false));
        }
    }

    @Test
    void megabyteRequestsAtUnalignedOffsetsReadAndWriteWhole() throws Exception {
        String path = gluster.newPath("large");
        GlfsBackingStore store = open(gluster.userObject("gfapi-large", 4 * MIB, path));
        int length = MIB + 4096 + 512;
        long at = 512 * 3;
        ByteBuffer direct = randomBytes(length, 11, true);
        ByteBuffer heap = randomBytes(length, 12, false);

        ByteBuffer written = direct.duplicate();
        await(store.write(at, written, true));
        assertThat(written.hasRemaining()).as("the source is consumed").isFalse();
        await(store.write(at + length, heap.duplicate(), false));

        ByteBuffer back = ByteBuffer.allocateDirect(2 * length);
        await(store.read(at, back));
        assertThat(back.position()).as("the destination is filled").isEqualTo(2 * length);
        assertThat(back.flip().duplicate().limit(length)).isEqualTo(direct);
        assertThat(back.position(length)).isEqualTo(heap);
        ByteBuffer backHeap = ByteBuffer.allocate(length);
        await(store.read(at + length, backHeap));
        assertThat(backHeap.flip()).isEqualTo(heap);

        // Another client sees the bytes at their offsets: no piece landed elsewhere.
        ByteBuffer seen = ByteBuffer.allocateDirect(length);
        try (var file = gluster.glfs.open(path)) {
            while (seen.hasRemaining()) {
                file.pread(seen, at + seen.position());
            }
        }
        assertThat(seen.flip()).isEqualTo(direct);
    }

    @Test
    void closingWithRequestsRunningLetsEachOfThemEnd() throws Exception {
        GlfsBackingStore store = open(gluster.userObject("gfapi-closing", MIB, gluster.newPath("closing")));
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            writes.add(store.write(i * 16384L, randomBytes(16384, i, true), false));
        }
        store.close();
        for (CompletableFuture<Void> write : writes) {
            assertThat(write).isDone();
        }
        assertThat(provider.connectionCount()).isZero();
        CompletableFuture<Void> late = store.write(0, randomBytes(512, 1, true), false);
        assertThatThrownBy(late::join).cause().isInstanceOfSatisfying(BackingStoreException.class,
                e -> assertThat(e.condition()).isEqualTo(Condition.NOT_READY)).hasMessageContaining("closed");
    }

    @Test
    void unmappedAndZeroedRangesReadAsZeroes() throws Exception {
        GlfsBackingStore store = open(gluster.userObject("gfapi-zero", MIB, gluster.newPath("zero")));
        await(store.write(0, randomBytes(3 * 65536, 3, true), false));

        await(store.unmap(0, 65536));
        await(store.writeZeroes(65536, 65536));

        ByteBuffer back = ByteBuffer.allocateDirect(3 * 65536);
        await(store.read(0, back));
        back.flip();
        assertThat(back.duplicate().limit(2 * 65536)).isEqualTo(ByteBuffer.allocate(2 * 65536));
        assertThat(back.position(2 * 65536)).isEqualTo(randomBytes(3 * 65536, 3, true).position(2 * 65536));
        assertThat(store.supportsUnmap()).isTrue();
    }

    @Test
    void rangesOutsideTheStoreAreRefused() {
        GlfsBackingStore store;
        try {
            store = open(gluster.userObject("gfapi-range", MIB, gluster.newPath("range")));
        } catch (BackingStoreException e) {
            throw new AssertionError(e);
        }
        assertThatThrownBy(() -> await(store.read(MIB - 512, ByteBuffer.allocateDirect(1024))))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(BackingStoreException.class)
                .hasMessageContaining("range 1048064+1024 is outside");
    }

    @Test
    void storesOnOneVolumeShareOneConnectionUntilTheLastCloses() throws Exception {
        GlfsBackingStore a = open(gluster.userObject("gfapi-share-a", MIB, gluster.newPath("share-a")));
        GlfsBackingStore b = open(gluster.userObject("gfapi-share-b", MIB, gluster.newPath("share-b")));
        assertThat(provider.connectionCount()).isEqualTo(1);

        a.close();
        assertThat(provider.connectionCount()).isEqualTo(1);
        assertThat(b.isReady()).isTrue();
        await(b.write(0, randomBytes(512, 4, true), true));

        b.close();
        assertThat(provider.connectionCount()).isZero();
    }

    @Test
    void anExistingSmallerFileIsRefusedNamingBothSizes() throws Exception {
        String path = gluster.newPath("small");
        open(gluster.userObject("gfapi-small", MIB, path)).close();

        StorageObject bigger = gluster.userObject("gfapi-bigger", 2 * MIB, path);
        assertThatThrownBy(() -> open(bigger))
                .isInstanceOf(BackingStoreException.class)
                .hasMessageEndingWith("file '" + path + "' on volume '" + gluster.volume.volume()
                        + "' is 1048576 bytes, smaller than the configured size 2097152 bytes");
        assertThat(provider.connectionCount()).isZero();

        GlfsBackingStore grown = provider.open(bigger, true);
        stores.add(grown);
        assertThat(grown.isReady()).isTrue();
        assertThat(gluster.glfs.fileSize(path)).isEqualTo(2 * MIB);
    }

    @Test
    void resizeSetsTheFileLength() throws Exception {
        String path = gluster.newPath("resize");
        GlfsBackingStore store = open(gluster.userObject("gfapi-resize", MIB, path));
        store.resize(3 * MIB);
        assertThat(store.size()).isEqualTo(3 * MIB);
        assertThat(gluster.glfs.fileSize(path)).isEqualTo(3 * MIB);
        await(store.write(3 * MIB - 512, randomBytes(512, 5, true), false));
    }

    @Test
    void aVolumeThatDoesNotExistLeavesTheStoreNotReadyWithoutHanging() throws Exception {
        StorageObject so = gluster.model.createUser("gfapi-novol", MIB,
                GlfsTestVolumes.configFor("gfapi-no-such-volume", gluster.volume.host(), "disk"), null, null, null);
        long start = System.nanoTime();
        GlfsBackingStore store = open(so);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(8);

        assertThat(store.isReady()).isFalse();
        assertThat(store.state().description())
                .startsWith("not connected: glfs_init of volume 'gfapi-no-such-volume'")
                .endsWith("no volume 'gfapi-no-such-volume' on [" + gluster.volume.host() + ":24007]");
        CompletableFuture<Void> read = store.read(0, ByteBuffer.allocateDirect(512));
        assertThat(read).isCompletedExceptionally();
        assertThatThrownBy(read::join).cause()
                .isInstanceOfSatisfying(BackingStoreException.class,
                        e -> assertThat(e.condition()).isEqualTo(Condition.NOT_READY))
                .hasMessageContaining("not connected: ");
        assertThatThrownBy(() -> store.resize(2 * MIB)).isInstanceOfSatisfying(BackingStoreException.class,
                e -> assertThat(e.condition()).isEqualTo(Condition.NOT_READY));

        AtomicInteger changes = new AtomicInteger();
        store.onStateChange(changes::incrementAndGet);
        store.close();
        assertThat(store.state().description()).isEqualTo("closed");
        assertThat(changes).hasValue(1);
    }

    @Test
    void aHostThatDoesNotResolveIsNamedInTheState() throws Exception {
        StorageObject so = gluster.model.createUser("gfapi-nohost", MIB,
                GlfsTestVolumes.configFor(gluster.volume.volume(), "gfapi-no-such-host.invalid", "disk"), null, null, null);
        GlfsBackingStore store = open(so);
        assertThat(store.isReady()).isFalse();
        assertThat(store.state().description()).startsWith("not connected: ")
                .endsWith("host name does not resolve: gfapi-no-such-host.invalid");
    }

    @Test
    void aMissingLibgfapiIsOneLineNamingThePackageNotARetryLoop() {
        GlfsBackingStoreProvider withoutLibrary = new GlfsBackingStoreProvider(GlfsTestVolumes.QUICK,
                new GlfsConnections((volume, servers, options) -> {
                    throw GlfsException.libraryMissing("libgfapi.so.0", "libgfapi.so.0: cannot open shared object file");
                }));
        StorageObject so = gluster.userObject("gfapi-nolib", MIB, "disk");
        assertThatThrownBy(() -> withoutLibrary.open(so))
                .isInstanceOf(BackingStoreException.class)
                .hasMessage("cannot serve glfs/" + gluster.volume.volume() + "@" + gluster.volume.host()
                        + ":24007/disk: libgfapi.so.0 cannot be loaded (libgfapi.so.0: cannot open shared object file);"
                        + " install the Debian package libgfapi0 (apt-get install libgfapi0)");
    }

    @Test
    void aBadConfigStringIsRefusedAtOpen() {
        StorageObject so = gluster.model.createUser("gfapi-badcfg", MIB, "glfs/@host/disk", null, null, null);
        assertThatThrownBy(() -> open(so)).isInstanceOf(BackingStoreException.class)
                .hasMessage("invalid glfs config 'glfs/@host/disk': volume name before '@' is empty");
    }
}
