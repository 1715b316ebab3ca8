package io.glio.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;

/**
 * Writes the bash and zsh completion scripts of the {@code targetcli} command line, generated
 * from its picocli spec, into {@code completions/}: {@code java -cp ... io.glio.shell.CompletionScripts completions}.
 * A test regenerates them and compares with the checked-in files.
 */
public final class CompletionScripts {

    private CompletionScripts() {
    }

    public static String bash() {
        return AutoComplete.bash("targetcli", Main.commandLine(new Main(EngineAttacher.NONE, System.in, System.out,
                System.err, java.util.Map.of(), io.glio.engine.model.TargetModel::new)));
    }

    /** zsh runs the same functions through its bash completion layer. */
    public static String zsh() {
        return "#compdef targetcli\n"
                + "# zsh completion for targetcli (generated from the picocli spec; uses zsh's bashcompinit)\n"
                + "autoload -U +X bashcompinit && bashcompinit\n"
                + bash();
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "completions");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("targetcli.bash"), bash());
        Files.writeString(dir.resolve("_targetcli"), zsh());
    }
}
