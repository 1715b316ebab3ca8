package io.glio.gfapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Byte-range locks between two connections to the real test volume, as two gateways hold them:
 * each connection is a separate gluster client, so their locks conflict on the bricks.
 */
class GlfsLockTest {

    private static GlusterTestVolume volume;
    private static Glfs gatewayA;
    private static Glfs gatewayB;
    private String path;
    private GlfsFile fileA;
    private GlfsFile fileB;

    @BeforeAll
    static void connectTwice() throws GlfsException {
        volume = GlusterTestVolume.require();
        gatewayA = volume.connect();
        gatewayB = volume.connect();
    }

    @AfterAll
    static void disconnect() {
        for (Glfs glfs : new Glfs[] {gatewayA, gatewayB}) {
            if (glfs != null) {
                glfs.close();
            }
        }
    }

    @BeforeEach
    void openOneFileThroughBoth() throws GlfsException {
        path = GlusterTestVolume.scratchName("lock");
        fileA = gatewayA.create(path, 0600);
        fileB = gatewayB.open(path);
    }

    @AfterEach
    void removeTheFile() throws GlfsException {
        fileA.close();
        fileB.close();
        gatewayA.unlink(path);
    }

    @Test
    void anExclusiveLockKeepsTheOtherClientOutOfItsRangeOnly() throws GlfsException {
        try (GlfsLock held = fileA.lock(true, 4096, 512, false)) {
            assertThatThrownBy(() -> fileB.lock(true, 4096, 512, false))
                    .isInstanceOfSatisfying(GlfsException.class,
                            e -> assertThat(e.errnoName()).isIn("EAGAIN", "EACCES"))
                    .hasMessageContaining("glfs_posix_lock(F_SETLK)").hasMessageContaining("at 4096 length 512");
            assertThatThrownBy(() -> fileB.lock(false, 4500, 1, false)).isInstanceOf(GlfsException.class);
            try (GlfsLock next = fileB.lock(true, 4608, 512, false)) {
                assertThat(next.start()).isEqualTo(4608);
            }
        }
        try (GlfsLock after = fileB.lock(true, 4096, 512, false)) {
            assertThat(after.exclusive()).isTrue();
        }
    }

    @Test
    void sharedLocksOfTwoClientsCoexistAndKeepAWriterOut() throws GlfsException {
        try (GlfsLock a = fileA.lock(false, 0, 8192, false); GlfsLock b = fileB.lock(false, 0, 8192, false)) {
            assertThat(a.exclusive()).isFalse();
            assertThat(b.exclusive()).isFalse();
            assertThatThrownBy(() -> fileB.lock(true, 0, 8192, false)).isInstanceOf(GlfsException.class);
        }
    }

    @Test
    void aWaitingLockIsGrantedWhenTheHolderReleases() throws Exception {
        GlfsLock held = fileA.lock(true, 0, 4096, true);
        CompletableFuture<GlfsLock> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return fileB.lock(true, 0, 4096, true);
            } catch (GlfsException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThatThrownBy(() -> waiting.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        held.close();
        held.close(); // idempotent: a second F_UNLCK would not be harmful, but is not sent
        try (GlfsLock granted = waiting.get(10, TimeUnit.SECONDS)) {
            assertThat(granted.toString()).contains("exclusive 0+4096");
        }
    }

    @Test
    void aNegativeRangeIsRefusedNamingIt() {
        assertThatThrownBy(() -> fileA.lock(true, -1, 10, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lock range -1+10").hasMessageContaining("start >= 0");
        assertThatThrownBy(() -> fileA.lock(true, 0, -5, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lock range 0+-5");
    }
}
