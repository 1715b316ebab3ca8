package io.glio.shell;

import io.glio.shell.service.RemoteSession;
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
    private final SessionOpener opener;

    InteractiveShell(SessionOpener opener) {
        this.settings = opener.settings();
        this.opener = opener;
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
        PrintStream out = new PrintStream(terminal.output(), true, java.nio.charset.StandardCharsets.UTF_8);
        RemoteSession.ClientIo io = new RemoteSession.ClientIo(out, out,
                !Terminal.TYPE_DUMB.equals(terminal.getType()), terminal::getWidth);
        boolean ok;
        LineReader reader;
        try (ShellSession session = opener.open(io)) {
            reader = lineReader(terminal, session);
            out.print(Main.BANNER);
            out.print(session.bannerNote());
            out.print('\n');
            while (!session.exitRequested()) {
                String line;
                try {
                    line = reader.readLine(session.prompt());
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    out.print("exit\n");
                    line = "exit";
                }
                if (line.strip().equals("cd") && !Terminal.TYPE_DUMB.equals(terminal.getType())) {
                    // The picker needs the keyboard, which is here even when the shell runs in the service.
                    TreePicker.pick(terminal, TreePicker.entries(session)).ifPresent(p -> session.run("cd " + p));
                    continue;
                }
                session.run(line);
            }
            ok = session.finish();
        } catch (ShellException e) {
            out.println(e.getMessage());
            return 1;
        }
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            out.println("Cannot write to command history file " + settings.home().resolve("history.txt") + ".");
        }
        return ok ? 0 : 1;
    }

    private LineReader lineReader(Terminal terminal, ShellSession session) {
        return LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("targetcli")
                .completer(new ShellCompleter(session))
                .variable(LineReader.HISTORY_FILE, settings.home().resolve("history.txt"))
                .variable(LineReader.WORDCHARS, "")
                // The line goes to configshell's grammar as typed: no quoting, escapes or !history.
                .parser(literalParser())
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.AUTO_FRESH_LINE, true)
                .build();
    }
}
