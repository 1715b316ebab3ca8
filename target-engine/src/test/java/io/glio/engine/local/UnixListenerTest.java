package io.glio.engine.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The private socket both the NBD targets and the shell service listen on. */
class UnixListenerTest {

    @TempDir
    Path dir;

    @Test
    void socketIsPrivateFromItsBindAndTheOwnUserIsAdmitted() throws Exception {
        Path path = dir.resolve("t.sock");
        BlockingQueue<String> admitted = new ArrayBlockingQueue<>(1);
        try (UnixListener l = UnixListener.start(path, false, "test-accept", (ch, user) -> {
            admitted.add(user);
            UnixListener.closeQuietly(ch);
        })) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
            try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                c.connect(UnixDomainSocketAddress.of(path));
                assertThat(admitted.poll(10, TimeUnit.SECONDS)).isEqualTo(UnixListener.processUser())
                        .isEqualTo(System.getProperty("user.name"));
            }
            assertThat(l.path()).isEqualTo(path);
        }
        assertThat(path).doesNotExist();
    }

    @Test
    void aStaleSocketFileIsReplacedOnlyWhenAsked() throws IOException {
        Path path = dir.resolve("stale.sock");
        Files.writeString(path, "left by a dead process");
        assertThatThrownBy(() -> UnixListener.start(path, false, "test-accept", (ch, user) -> { }))
                .isInstanceOf(IOException.class);
        assertThat(Files.readString(path)).isEqualTo("left by a dead process");
        try (UnixListener l = UnixListener.start(path, true, "test-accept", (ch, user) -> { })) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(l.path()))).isEqualTo("rw-------");
        }
    }

    @Test
    void runDirPrefersOptionThenEnvironmentThenRootOrHome() {
        Path home = Path.of("/x/h");
        assertThat(LocalPath.RUN_DIR.resolve(Path.of("/x/opt"), java.util.Map.of("GLIO_RUN_DIR", "/x/env"), home, true))
                .isEqualTo(Path.of("/x/opt"));
        assertThat(LocalPath.RUN_DIR.resolve(null, java.util.Map.of("GLIO_RUN_DIR", "/x/env"), home, true))
                .isEqualTo(Path.of("/x/env"));
        assertThat(LocalPath.RUN_DIR.resolve(null, java.util.Map.of("GLIO_RUN_DIR", ""), home, false))
                .isEqualTo(Path.of("/x/h/run"));
        assertThat(LocalPath.RUN_DIR.resolve(null, java.util.Map.of(), home, true)).isEqualTo(Path.of("/run/glio"));
    }
}
