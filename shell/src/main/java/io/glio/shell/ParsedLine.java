package io.glio.shell;

import java.util.List;
import java.util.Map;

/**
 * One command line split the way configshell splits it: an optional path, an optional command,
 * positional parameters and {@code key=value} parameters (later duplicates win).
 */
public record ParsedLine(String path, String command, List<String> positional,
                         Map<String, String> keywords) {

    public boolean isEmpty() {
        return path.isEmpty() && command.isEmpty() && positional.isEmpty() && keywords.isEmpty();
    }
}
