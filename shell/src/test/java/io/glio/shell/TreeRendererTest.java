package io.glio.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeRendererTest {

    private final Shell shell;

    TreeRendererTest() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        shell = new Shell(OracleRun.testModel(), Prefs.inMemory(), new Console(sink, sink, Prefs.inMemory(), false, 0),
                Path.of("/nonexistent/saveconfig.json"));
        shell.execute("/backstores/ramdisk create rd1 1M");
    }

    private static String plain(String s) {
        return s.replaceAll("\u001b\\[[0-9;]*m", "");
    }

    @Test
    void everyLineIsExactlyTheWidth() {
        List<String> lines = new TreeRenderer(Prefs.inMemory(), 100).render(shell.root(), null);
        assertThat(lines).allSatisfy(l -> assertThat(l).hasSize(100));
    }

    @Test
    void narrowWidthDropsTheDotsButKeepsTheSummary() {
        List<String> lines = new TreeRenderer(Prefs.inMemory(), 20).render(shell.resolve(shell.root(), "/backstores/ramdisk"), 1);
        assertThat(lines).containsExactly("o- ramdisk  [Storage Objects: 1]", "  o- rd1  [(1.0MiB) deactivated]");
    }

    @Test
    void coloursAddOnlyEscapesToTheSameText() {
        var backstores = shell.resolve(shell.root(), "/backstores");
        List<String> plainLines = new TreeRenderer(Prefs.inMemory(), 132).render(backstores, null);
        List<String> colored = new TreeRenderer(Prefs.inMemory(), 132, true).render(backstores, null);

        assertThat(colored.stream().map(TreeRendererTest::plain).toList()).isEqualTo(plainLines);
        assertThat(colored.get(0)).contains("\u001b[1;4;34mbackstores\u001b[0m");
        String rd1 = colored.stream().filter(l -> plain(l).contains("o- rd1 ")).findFirst().orElseThrow();
        assertThat(rd1).contains("\u001b[1mrd1\u001b[0m", "\u001b[32m(1.0MiB) deactivated\u001b[0m");
    }
}
