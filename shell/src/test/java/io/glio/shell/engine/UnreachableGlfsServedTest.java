package io.glio.shell.engine;

import io.glio.shell.MainAccess;
import io.glio.shell.ShellTestEnv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed scenario through the real shell with the real engine attached: a user:glfs LUN whose
 * gluster host does not resolve is created, exported and saved all the same, and {@code ls}
 * shows why it does not serve.
 */
class UnreachableGlfsServedTest {

    @TempDir
    Path home;

    @Test
    void unreachableGlfsVolumeIsCreatedSavedAndShownAsNotConnected() throws IOException {
        String iqn = "iqn.2026-11.io.glio:served-engine-test";
        String tpg = "/iscsi/" + iqn + "/tpg1";
        String script = String.join("\n",
                "/backstores/user:glfs create myLUN 100G iscsi-pool@iscsi-3/mytest.img",
                "/iscsi create " + iqn,
                tpg + "/portals delete 0.0.0.0 3260",
                tpg + "/portals create 127.0.0.1 13320",
                tpg + "/luns create /backstores/user:glfs/myLUN",
                tpg + "/acls create iqn.1994-05.com.redhat:client1",
                "saveconfig", "");
        // The engine connects in the background: give it a moment before looking.
        InputStream later = new DelayedInput(3000, "ls /backstores/user:glfs\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path config = home.resolve("saveconfig.json");

        int rc = MainAccess.run(new ServedEngine(),
                new SequenceInputStream(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), later),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                ShellTestEnv.of(home, config));

        assertThat(rc).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        String shown = out.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("Created user-backed storage object myLUN size 107374182400.", "Created LUN 0.");
        assertThat(shown).containsPattern("o- myLUN .*not connected: .*iscsi-3");
        String saved = Files.readString(config);
        assertThat(saved).contains("\"config\": \"glfs/iscsi-pool@iscsi-3/mytest.img\"", "\"plugin\": \"user\"",
                "\"size\": 107374182400");
    }

    /** Stdin that holds back its text for a while, as an admin typing the next command would. */
    private static final class DelayedInput extends InputStream {
        private final long delayMillis;
        private final InputStream text;
        private boolean waited;

        DelayedInput(long delayMillis, String text) {
            this.delayMillis = delayMillis;
            this.text = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public int read() throws IOException {
            pause();
            return text.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            pause();
            return text.read(b, off, len);
        }

        private void pause() throws IOException {
            if (!waited) {
                waited = true;
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        }
    }
}
