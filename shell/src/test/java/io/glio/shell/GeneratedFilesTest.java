package io.glio.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The checked-in completion scripts and man pages are what the generators make from the current
 * sources; regenerate with {@code CompletionScripts} / {@code ManPages} when this fails.
 */
class GeneratedFilesTest {

    /** Tests run in the shell module's folder; the generated files live at the repository root. */
    private static final Path ROOT = Path.of("..");

    @Test
    void bashAndZshCompletionsMatchThePicocliSpec() throws IOException {
        assertThat(Files.readString(ROOT.resolve("completions/targetcli.bash"))).isEqualTo(CompletionScripts.bash());
        assertThat(Files.readString(ROOT.resolve("completions/_targetcli"))).isEqualTo(CompletionScripts.zsh());
    }

    @Test
    void bashCompletionScriptIsValidBash() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-n", ROOT.resolve("completions/targetcli.bash").toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @Test
    void manPagesMatchTheCommandsPreferencesAndSchema() throws IOException {
        assertThat(Files.readString(ROOT.resolve("man/targetcli.8"))).isEqualTo(ManPages.targetcli8());
        assertThat(Files.readString(ROOT.resolve("man/saveconfig.json.5"))).isEqualTo(ManPages.saveconfig5());
    }

    @Test
    void manPageListsEveryNodeKindAndPreference() {
        String page = ManPages.targetcli8();
        assertThat(page).contains("/backstores/user:glfs", "create name size cfgstring [wwn] [hw_max_sectors] [control] [force]",
                "/iscsi/<iqn>/tpg<N>/acls/<iqn>", "create mapped_lun tpg_lun_or_backstore [write_protect]",
                "auto_add_mapped_luns", "TARGETCLI_CONFIG");
    }
}
