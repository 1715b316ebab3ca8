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

/** {@code glfs_posix_lock} between two connections to the real test volume (two gateways). */
class GlfsLockTest {

    private static TwoClients clients;
    private String path;

    @BeforeAll
    static void connect() throws GlfsException {
        clients = TwoClients.connect();
    }

    @AfterAll
    static void disconnect() {
        TwoClients.closeIfOpen(clients);
    }

    @BeforeEach
    void createFile() throws GlfsException {
        path = GlusterTestVolume.scratchName("lock");
        clients.first().create(path, 0600).close();
    }

    @AfterEach
    void removeFile() throws GlfsException {
        clients.first().unlink(path);
    }

    @Test
    void anExclusiveLockMakesTheOtherConnectionWaitThenProceed() throws Exception {
        try (GlfsFile a = clients.first().open(path); GlfsFile b = clients.second().open(path)) {
            GlfsLock held = a.lock(true, 0, 0, true);
            CompletableFuture<GlfsLock> waiting = CompletableFuture.supplyAsync(() -> lockOrFail(b, true));
            assertThatThrownBy(() -> waiting.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

            held.close();
            GlfsLock granted = waiting.get(10, TimeUnit.SECONDS);
            assertThat(granted.exclusive()).isTrue();
            // Now the first connection is the one that finds the range held.
            assertThatThrownBy(() -> a.lock(true, 0, 0, false)).isInstanceOf(GlfsLockHeldException.class);
            granted.close();
            a.lock(true, 0, 0, false).close();
        }
    }

    @Test
    void aLockAskedWithoutWaitingSaysHeldNamingTheRange() throws Exception {
        try (GlfsFile a = clients.first().open(path); GlfsFile b = clients.second().open(path); GlfsLock held = a.lock(true, 4096, 512, true)) {
            assertThatThrownBy(() -> b.lock(false, 4000, 200, false))
                    .isInstanceOfSatisfying(GlfsLockHeldException.class, e -> {
                        assertThat(e.errnoName()).isIn("EAGAIN", "EACCES");
                        assertThat(e.getMessage()).contains(path, "bytes 4000+200", "held by another lock owner");
                    });
            // Outside the held range both kinds are granted at once.
            b.lock(true, 0, 4096, false).close();
            b.lock(false, 4608, 0, false).close();
            assertThat(held.start()).isEqualTo(4096);
        }
    }

    @Test
    void sharedLocksCoexistAndExcludeAnExclusiveOne() throws Exception {
        try (GlfsFile a = clients.first().open(path); GlfsFile b = clients.second().open(path)) {
            GlfsLock readA = a.lock(false, 0, 100, false);
            GlfsLock readB = b.lock(false, 0, 100, false);
            assertThatThrownBy(() -> b.lock(true, 50, 10, false)).isInstanceOf(GlfsLockHeldException.class);
            readA.close();
            readB.close();
            b.lock(true, 50, 10, false).close();
        }
    }

    @Test
    void twoHandlesOnOneConnectionAreTwoOwners() throws Exception {
        try (GlfsFile a = clients.first().open(path); GlfsFile sameConnection = clients.first().open(path); GlfsLock held = a.lock(true, 0, 1, false)) {
            assertThatThrownBy(() -> sameConnection.lock(true, 0, 1, false)).isInstanceOf(GlfsLockHeldException.class);
            // One owner's locks never conflict with each other (POSIX).
            a.lock(true, 0, 1, false).close();
        }
    }

    @Test
    void closingTheFileReleasesItsLocksAndTheLockThenClosesQuietly() throws Exception {
        GlfsFile a = clients.first().open(path);
        GlfsLock held = a.lock(true, 0, 0, false);
        try (GlfsFile b = clients.second().open(path)) {
            assertThatThrownBy(() -> b.lock(true, 0, 0, false)).isInstanceOf(GlfsLockHeldException.class);
            a.close();
            held.close();
            b.lock(true, 0, 0, false).close();
        }
    }

    @Test
    void aNegativeRangeIsRefusedNamingIt() throws Exception {
        try (GlfsFile a = clients.first().open(path)) {
            assertThatThrownBy(() -> a.lock(true, -1, 10, false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start -1");
        }
    }

    private static GlfsLock lockOrFail(GlfsFile file, boolean exclusive) {
        try {
            return file.lock(exclusive, 0, 0, true);
        } catch (GlfsException e) {
            throw new IllegalStateException(e);
        }
    }
}
