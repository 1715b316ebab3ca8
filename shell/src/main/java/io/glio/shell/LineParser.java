package io.glio.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * configshell's command-line grammar: {@code [PATH] [COMMAND] [PARAM ...]}. Parsing never fails:
 * like pyparsing, the text from the first character no token can hold is dropped silently, and
 * quotes are ordinary (unparsable) characters.
 */
public final class LineParser {

    private static final Pattern BOOKMARK = Pattern.compile("@[A-Za-z0-9:_.-]+");
    private static final Pattern PATH_WITH_SLASH = Pattern.compile("[A-Za-z0-9:_.\\[\\]/-]*/[A-Za-z0-9:_.\\[\\]/-]*");
    private static final Pattern PATH_PREFIX = Pattern.compile("[A-Za-z0-9:_.\\[\\]/-]+");
    private static final Pattern COMMAND = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern KEYWORD = Pattern.compile("([A-Za-z0-9_-]+)=(.*)", Pattern.DOTALL);
    /** Every character a path, command or parameter token may hold. */
    private static final String TOKEN_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789?;&*$!#,=_+/.<>()~@:%[]-";

    private LineParser() {
    }

    public static ParsedLine parse(String line) {
        List<String> tokens = tokens(line);
        String path = "";
        String command = "";
        int i = 0;
        if (i < tokens.size() && isPath(tokens.get(i))) {
            path = tokens.get(i++);
        } else if (i < tokens.size() && !COMMAND.matcher(tokens.get(i)).matches()) {
            // pyparsing takes the longest path-like prefix (e.g. "/iscsi/" of "/iscsi/*") and
            // drops what follows.
            Matcher m = PATH_PREFIX.matcher(tokens.get(i));
            if (m.lookingAt() && m.group().contains("/")) {
                return new ParsedLine(m.group(), "", List.of(), new LinkedHashMap<>());
            }
        }
        if (i < tokens.size() && COMMAND.matcher(tokens.get(i)).matches()) {
            command = tokens.get(i++);
        } else if (i < tokens.size()) {
            // A parameter where the command should be: pyparsing stops there.
            tokens = tokens.subList(0, i);
        }
        List<String> positional = new ArrayList<>();
        Map<String, String> keywords = new LinkedHashMap<>();
        for (; i < tokens.size(); i++) {
            String t = tokens.get(i);
            var m = KEYWORD.matcher(t);
            if (m.matches()) {
                keywords.remove(m.group(1));
                keywords.put(m.group(1), m.group(2));
            } else {
                positional.add(t);
            }
        }
        return new ParsedLine(path, command, List.copyOf(positional), keywords);
    }

    static boolean isPath(String token) {
        return BOOKMARK.matcher(token).matches() || token.equals("..") || token.equals(".")
                || token.equals("*") || PATH_WITH_SLASH.matcher(token).matches();
    }

    private static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else if (TOKEN_CHARS.indexOf(c) >= 0) {
                cur.append(c);
            } else {
                // pyparsing keeps what it matched so far and drops the rest of the line.
                if (cur.length() > 0) {
                    out.add(cur.toString());
                }
                return out;
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }
}
