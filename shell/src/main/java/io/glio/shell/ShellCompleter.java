package io.glio.shell;

import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion from the live model (commands, paths, parameter names, enumerable values):
 * the session's, so an attached shell completes from the service's model.
 */
final class ShellCompleter implements Completer {

    private final ShellSession session;

    ShellCompleter(ShellSession session) {
        this.session = session;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String before = line.line().substring(0, line.cursor());
        for (Completions.Item item : session.complete(before)) {
            candidates.add(new Candidate(item.value(), item.display(), null, null, null, null, item.complete()));
        }
    }
}
