package io.glio.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * glio's {@code help} pages against targetcli's: for every node type and topic the real
 * targetcli has (recorded by {@code src/test/oracle/record-help.sh} in help/oracle-sections.txt),
 * glio's page has at least as many sections; and every parameter of every command is documented.
 */
class HelpPagesTest {

    /** A section header: a line underlined with '=' of its length. */
    private static final Pattern SECTION = Pattern.compile("(?m)^(\\S[^\n]*)\n(=+)$");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Shell shell;

    @BeforeEach
    void buildOneNodeOfEachType() throws IOException {
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        shell = new Shell(OracleRun.testModel(), Prefs.inMemory(), new Console(print, print, Prefs.inMemory(), false, 0),
                Path.of("/nonexistent/saveconfig.json"));
        resource("setup.txt").lines().forEach(shell::execute);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HelpPagesTest.class.getResourceAsStream("/help/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String help(String path, String topic) {
        out.reset();
        shell.execute(path + " help " + topic);
        return out.toString(StandardCharsets.UTF_8);
    }

    static int sections(String page) {
        int n = 0;
        Matcher m = SECTION.matcher(page);
        while (m.find()) {
            n += m.group(1).length() == m.group(2).length() ? 1 : 0;
        }
        return n;
    }

    @Test
    void everyPageHasAtLeastTheSectionsOfTargetclis() throws IOException {
        List<String> shorter = new ArrayList<>();
        List<String> lines = resource("oracle-sections.txt").lines().toList();
        for (String line : lines) {
            String[] f = line.split(" ");
            int ours;
            try {
                ours = sections(help(f[0], f[1]));
            } catch (ShellException e) {
                ours = 0;
            }
            if (ours < Integer.parseInt(f[2])) {
                shorter.add(f[0] + " help " + f[1] + ": " + ours + " sections, targetcli " + f[2]);
            }
        }
        assertThat(lines).hasSizeGreaterThan(200);
        assertThat(shorter).isEmpty();
    }

    @Test
    void everyParameterOfEveryCommandIsDocumented() throws IOException {
        List<String> undocumented = new ArrayList<>();
        for (String path : resource("nodes.txt").lines().toList()) {
            for (CommandSpec spec : shell.resolve(shell.root(), path).commands().values()) {
                String page = help(path, spec.name());
                if (page.contains(CommandDocs.UNDOCUMENTED.text())) {
                    undocumented.add(path + " " + spec.name());
                }
                assertThat(page).as(path + " help " + spec.name()).contains("\nEXAMPLES\n", "\nSEE ALSO\n");
                spec.params().forEach(p -> assertThat(page).as(path + " help " + spec.name())
                        .containsPattern("(?m)^" + Pattern.quote(p) + "\n-+\n[^\n]+\nType: [^\n]+\\. Default: "));
            }
        }
        assertThat(undocumented).isEmpty();
    }

    @Test
    void helpLsDocumentsJsonWithAnExample() {
        String page = help("/", "ls");
        assertThat(page).contains("--json\n------\nPrint the tree as JSON instead, with typed values", "    ls --json\n",
                "path\n----\n", "Type: path. Default: none.", "depth\n-----\n");
        assertThat(sections(page)).isEqualTo(5);
    }
}
