package io.glio.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What Tab offers, taken from the model: commands, paths, parameter names and enumerable values. */
class CompletionsTest {

    private static final String TPG = "/iscsi/iqn.2003-01.org.linux-iscsi.test:t1/tpg1";
    private Shell shell;

    @BeforeEach
    void configure() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        shell = new Shell(OracleRun.testModel(), Prefs.inMemory(), new Console(sink, sink, Prefs.inMemory(), false, 0),
                Path.of("/nonexistent/saveconfig.json"));
        for (String line : List.of("/backstores/ramdisk create rd1 1M", "/backstores/ramdisk create rd2 1M",
                "/iscsi create iqn.2003-01.org.linux-iscsi.test:t1", TPG + "/acls create iqn.1994-05.com.redhat:c1")) {
            shell.execute(line);
        }
    }

    private List<String> values(String before) {
        return new Completions(shell).complete(before).stream().map(Completions.Item::value).toList();
    }

    @Test
    void firstWordOffersCommandsAndChildPaths() {
        assertThat(values("")).contains("ls", "cd", "saveconfig", "backstores/", "iscsi/");
        assertThat(values("sa")).containsExactly("saveconfig");
    }

    @Test
    void pathsCompleteOneLevelAtATime() {
        assertThat(values("/backstores/r")).containsExactly("/backstores/ramdisk/");
        assertThat(values("/backstores/ramdisk/")).containsExactly("/backstores/ramdisk/rd1/", "/backstores/ramdisk/rd2/");
        assertThat(values("ls /is")).containsExactly("/iscsi/");
    }

    @Test
    void commandAfterAPathComesFromThatNode() {
        assertThat(values("/backstores/ramdisk cr")).containsExactly("create");
        assertThat(values(TPG + " en")).containsExactly("enable");
    }

    @Test
    void lunsCreateOffersStorageObjectsAndParameterNames() {
        assertThat(values(TPG + "/luns create /backstores/")).containsExactly(
                "/backstores/ramdisk/rd1", "/backstores/ramdisk/rd2");
        assertThat(values(TPG + "/luns create /backstores/ramdisk/rd1 ")).contains("lun=", "add_mapped_luns=");
        assertThat(values(TPG + "/luns create /backstores/ramdisk/rd1 add_mapped_luns=")).containsExactly(
                "add_mapped_luns=true", "add_mapped_luns=false");
    }

    @Test
    void deleteOffersExistingNames() {
        assertThat(values("/backstores/ramdisk delete ")).contains("rd1", "rd2");
        assertThat(values(TPG + "/acls delete ")).contains("iqn.1994-05.com.redhat:c1");
    }

    @Test
    void getAndSetOfferGroupsParametersAndValues() {
        assertThat(values(TPG + " get ")).containsExactly("global", "parameter", "attribute", "auth", "group=");
        assertThat(values(TPG + " set attribute gen")).containsExactly("generate_node_acls=");
        assertThat(values("set global tree_round_nodes=")).containsExactly("tree_round_nodes=true",
                "tree_round_nodes=false");
        assertThat(values("set global loglevel_console=w")).containsExactly("loglevel_console=warning");
    }

    @Test
    void bookmarksCompleteAsPaths() {
        shell.execute("bookmarks add top");
        assertThat(values("cd @t")).containsExactly("@top");
        assertThat(values("bookmarks ")).contains("add", "del", "go", "show");
    }
}
