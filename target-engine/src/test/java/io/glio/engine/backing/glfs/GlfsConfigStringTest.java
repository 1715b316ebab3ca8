package io.glio.engine.backing.glfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glio.gfapi.VolfileServer;
import io.glio.engine.backing.BackingStoreException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlfsConfigStringTest {

    @Test
    void tcmuRunnerFormIsVolumeHostAndPathOnTheDefaultPort() throws BackingStoreException {
        GlfsConfigString parsed = GlfsConfigString.parse("glfs/gvol1@gl1.example.com/luns/disk1.img");
        assertThat(parsed.volume()).isEqualTo("gvol1");
        assertThat(parsed.servers()).containsExactly(new VolfileServer("gl1.example.com", 24007));
        assertThat(parsed.path()).isEqualTo("luns/disk1.img");
    }

    @Test
    void severalServersAndPortsAreTheExtension() throws BackingStoreException {
        GlfsConfigString parsed = GlfsConfigString.parse("glfs/gvol1@h1,h2:24010,[fd00::3]/disk");
        assertThat(parsed.servers()).containsExactly(new VolfileServer("h1", 24007),
                new VolfileServer("h2", 24010), new VolfileServer("fd00::3", 24007));
        assertThat(parsed).hasToString("glfs/gvol1@h1:24007,h2:24010,[fd00::3]:24007/disk");
    }

    @Test
    void leadingSlashesOfThePathAreDropped() throws BackingStoreException {
        assertThat(GlfsConfigString.parse("glfs/v@h//disk").path()).isEqualTo("disk");
    }

    @Test
    void filesOfOneVolumeShareTheirVolumeKey() throws BackingStoreException {
        assertThat(GlfsConfigString.parse("glfs/v@h/a").volumeKey())
                .isEqualTo(GlfsConfigString.parse("glfs/v@h:24007/b").volumeKey())
                .isNotEqualTo(GlfsConfigString.parse("glfs/v@h2/a").volumeKey());
    }

    @Test
    void eachBadPartIsNamed() {
        assertBad("gvol@h/p", "invalid glfs config 'gvol@h/p': does not start with 'glfs/'");
        assertBad("glfs/gvol/p", "invalid glfs config 'glfs/gvol/p': no '@' between volume and host (expected volume@host/path)");
        assertBad("glfs/@h/p", "invalid glfs config 'glfs/@h/p': volume name before '@' is empty");
        assertBad("glfs/g vol@h/p", "invalid glfs config 'glfs/g vol@h/p': volume name 'g vol' may hold only letters, digits, '-', '_' and '.'");
        assertBad("glfs/gvol@h", "invalid glfs config 'glfs/gvol@h': no '/' between host and file path (expected volume@host/path)");
        assertBad("glfs/gvol@/p", "invalid glfs config 'glfs/gvol@/p': host between '@' and '/' is empty");
        assertBad("glfs/gvol@h1,,h3/p", "invalid glfs config 'glfs/gvol@h1,,h3/p': server 2 of 'h1,,h3' is empty");
        assertBad("glfs/gvol@h1:x/p", "invalid glfs config 'glfs/gvol@h1:x/p': volfile server 'h1:x': port 'x' is not a number in 1..65535");
        assertBad("glfs/gvol@h/", "invalid glfs config 'glfs/gvol@h/': file path after the host is empty");
        assertBad("glfs/gvol@h/dir/", "invalid glfs config 'glfs/gvol@h/dir/': file path 'dir/' names a directory");
    }

    private static void assertBad(String config, String message) {
        assertThatThrownBy(() -> GlfsConfigString.parse(config))
                .isInstanceOfSatisfying(BackingStoreException.class,
                        e -> assertThat(e.condition()).isEqualTo(BackingStoreException.Condition.INTERNAL))
                .hasMessage(message);
    }

    @Test
    void volumeKeysPrintAsVolumeAtServers() throws BackingStoreException {
        assertThat(GlfsConfigString.parse("glfs/v@a,b:1/p").volumeKey()).hasToString("v@a:24007,b:1");
        assertThat(GlfsConfigString.parse("glfs/v@a/p").servers()).isEqualTo(List.of(new VolfileServer("a", 24007)));
    }
}
