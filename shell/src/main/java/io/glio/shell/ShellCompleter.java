package io.glio.shell;

import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** Tab completion from the model: commands, paths, parameter names and enumerable values. */
final class ShellCompleter implements Completer {

    private final Shell shell;

    ShellCompleter(Shell shell) {
        this.shell = shell;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String before = line.line().substring(0, line.cursor());
        for (Completions.Item item : new Completions(shell).complete(before)) {
            candidates.add(new Candidate(item.value(), item.display(), null, null, null, null, item.complete()));
        }
    }
}
