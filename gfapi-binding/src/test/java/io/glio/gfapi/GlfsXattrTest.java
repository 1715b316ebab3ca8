package io.glio.gfapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Extended attributes, folders and open-or-create on the real test volume. */
class GlfsXattrTest {

    private static TwoClients clients;

    @BeforeAll
    static void connect() throws GlfsException {
        clients = TwoClients.connect();
    }

    @AfterAll
    static void disconnect() {
        TwoClients.closeIfOpen(clients);
    }

    @Test
    void anAttributeSetThroughOneConnectionIsReadThroughTheOtherAndReplaced() throws GlfsException {
        String path = GlusterTestVolume.scratchName("xattr");
        try (GlfsFile a = clients.first().create(path, 0600); GlfsFile b = clients.second().open(path)) {
            assertThat(b.getXattr("user.glio.test")).isEmpty();
            a.setXattr("user.glio.test", "one".getBytes(StandardCharsets.UTF_8));
            assertThat(b.getXattr("user.glio.test")).hasValueSatisfying(v -> assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo("one"));
            a.setXattr("user.glio.test", "second value".getBytes(StandardCharsets.UTF_8));
            assertThat(b.getXattr("user.glio.test")).hasValueSatisfying(v -> assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo("second value"));
            b.removeXattr("user.glio.test");
            assertThat(a.getXattr("user.glio.test")).isEmpty();
            assertThatThrownBy(() -> a.removeXattr("user.glio.test"))
                    .isInstanceOfSatisfying(GlfsException.class, e -> assertThat(e.errnoName()).isEqualTo("ENODATA"));
        } finally {
            clients.first().unlink(path);
        }
    }

    @Test
    void openOrCreateMakesTheFileOnceAndMkdirsAcceptsAnExistingFolder() throws GlfsException {
        String dir = "/" + GlusterTestVolume.scratchName("dir");
        clients.first().mkdirs(dir, 0700);
        clients.first().mkdirs(dir, 0700);
        String path = dir + "/f";
        try (GlfsFile a = clients.first().openOrCreate(path, 0600); GlfsFile b = clients.second().openOrCreate(path, 0600)) {
            a.setXattr("user.glio.test", new byte[] {1});
            assertThat(b.getXattr("user.glio.test")).hasValueSatisfying(v -> assertThat(v).containsExactly(1));
        } finally {
            clients.first().unlink(path);
        }
        assertThatThrownBy(() -> clients.first().mkdirs(dir + "/missing/child", 0700))
                .isInstanceOfSatisfying(GlfsException.class, e -> assertThat(e.errnoName()).isEqualTo("ENOENT"));
    }
}
