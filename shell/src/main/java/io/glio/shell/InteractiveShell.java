package io.glio.shell;

import io.glio.engine.model.TargetModel;
import java.io.IOException;
import java.io.PrintStream;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The shell on a terminal: JLine line editing, history in {@code <home>/history.txt}, tab
 * completion from the model; Ctrl-C drops the line, Ctrl-D leaves like {@code exit}.
 */
final class InteractiveShell {

    private final ShellSettings settings;
    private final EngineAttacher attacher;
    private final java.util.function.Supplier<TargetModel> models;

    InteractiveShell(ShellSettings settings, EngineAttacher attacher, java.util.function.Supplier<TargetModel> models) {
        this.settings = settings;
        this.attacher = attacher;
        this.models = models;
    }

    int run() {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            return run(terminal);
        } catch (IOException e) {
            System.err.println("Cannot open the terminal: " + e.getMessage());
            return 1;
        }
    }

    private static DefaultParser literalParser() {
        DefaultParser parser = new DefaultParser();
        parser.setQuoteChars(new char[0]);
        parser.setEscapeChars(new char[0]);
        parser.setEofOnUnclosedBracket();
        return parser;
    }

    /** Runs on {@code terminal} (a dumb terminal in tests). */
    int run(Terminal terminal) {
        Prefs prefs = Prefs.load(settings.home());
        PrintStream out = new PrintStream(terminal.output(), true, java.nio.charset.StandardCharsets.UTF_8);
        Console console = new Console(out, out, prefs, !Terminal.TYPE_DUMB.equals(terminal.getType()),
                terminal::getWidth);
        Shell shell = new Shell(models.get(), prefs, console, settings.configFile());
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("targetcli")
                .completer(new ShellCompleter(shell))
                .variable(LineReader.HISTORY_FILE, settings.home().resolve("history.txt"))
                .variable(LineReader.WORDCHARS, "")
                // The line goes to configshell's grammar as typed: no quoting, escapes or !history.
                .parser(literalParser())
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.AUTO_FRESH_LINE, true)
                .build();
        try (EngineAttacher.Attached engine = Main.attach(attacher, shell)) {
            shell.setSessions(engine.sessions());
            shell.setStores(engine.stores());
            boolean restored = Main.restore(shell);
            shell.resetChanged();
            out.print(Main.BANNER);
            out.print('\n');
            shell.resumeLastPath();
            while (!shell.exitRequested()) {
                String line;
                try {
                    line = reader.readLine(shell.prompt());
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    out.print("exit\n");
                    line = "exit";
                }
                shell.run(line);
            }
            Main.exitSave(shell, restored);
        }
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            console.warning("Cannot write to command history file " + settings.home().resolve("history.txt") + ".");
        }
        return 0;
    }
}
