package io.glio.shell;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glio.shell.node.RootNode;
import io.glio.shell.node.UiNode;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * glio's machine-readable output for scripts: {@code ls}, {@code info}, {@code get},
 * {@code status} and {@code sessions} with {@code --json} print the same facts as their text,
 * as one JSON document on stdout with typed values (numbers, booleans, null for Python's
 * {@code None}). The documents are those of {@link #SCHEMA} (JSON Schema 2020-12), which the man
 * page prints.
 */
final class JsonOutput {

    static final String FLAG = "--json";
    /** The schema of every document, one {@code $defs} entry per command. */
    static final String SCHEMA = "/io/glio/shell/output.schema.json";
    static final Set<String> COMMANDS = Set.of("ls", "info", "get", "status", "sessions");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

    private JsonOutput() {
    }

    /** The document of {@code command} with {@code --json} on {@code target}, its arguments bound. */
    static String of(Shell shell, UiNode target, String command, CommandSpec.Args args) {
        // One consistent picture while an engine thread may be changing runtime status.
        synchronized (shell.model()) {
            return switch (command) {
                case "info" -> info(target, target.info().orElseThrow());
                case "get" -> get(target, args.get("group"), args.extra());
                case "status" -> status(target);
                case "sessions" -> sessions(shell.sessions(), RootNode.sessionsShown(shell.sessions(),
                        RootNode.sessionId(args.get("action", "list"), args.get("sid"))));
                default -> tree(shell.resolve(target, args.get("path")), shell.globalCommands().lsDepth(args.get("depth")));
            };
        }
    }

    /** {@code {"name", "path", "summary", "healthy", "children": [...]}} down to {@code depth} levels. */
    static String tree(UiNode node, Integer depth) {
        return write(treeNode(node, depth));
    }

    private static ObjectNode treeNode(UiNode node, Integer depth) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("name", node.name());
        o.put("path", node.path());
        summary(o, node.summary());
        ArrayNode children = o.putArray("children");
        if (depth == null || depth > 0) {
            for (UiNode c : node.children()) {
                children.add(treeNode(c, depth == null ? null : depth - 1));
            }
        }
        return o;
    }

    private static void summary(ObjectNode o, Summary s) {
        o.put("summary", s.text());
        if (s.healthy() == null) {
            o.putNull("healthy");
        } else {
            o.put("healthy", s.healthy());
        }
    }

    /** {@code info} lines ({@code key: value}; an ACL's {@code wwns:} list) as one object. */
    static String info(UiNode node, List<String> lines) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("path", node.path());
        ArrayNode list = null;
        for (String line : lines) {
            int colon = line.indexOf(": ");
            if (line.endsWith(":")) {
                list = o.putArray(line.substring(0, line.length() - 1));
            } else if (colon > 0) {
                typed(o, line.substring(0, colon), line.substring(colon + 2));
                list = null;
            } else if (list != null) {
                list.add(line);
            }
        }
        return write(o);
    }

    /** {@code get}: the node's groups, or a group's parameters (all when {@code names} is empty). */
    static String get(UiNode node, String groupName, List<String> names) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("path", node.path());
        if (groupName == null) {
            ArrayNode groups = o.putArray("groups");
            node.configGroups().forEach(g -> groups.add(g.name()));
            return write(o);
        }
        ConfigGroup group = GroupCommands.group(node, groupName);
        o.put("group", group.name());
        ObjectNode params = o.putObject("parameters");
        for (ConfigParam p : names.isEmpty() ? group.params() : names.stream().map(n -> GroupCommands.param(group, n)).toList()) {
            ObjectNode entry = params.putObject(p.name());
            typed(entry, "value", p.getter().get());
            entry.put("writable", p.writable());
        }
        return write(o);
    }

    static String status(UiNode node) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("path", node.path());
        summary(o, node.summary());
        return write(o);
    }

    static String sessions(SessionSource source, List<SessionSource.SessionInfo> shown) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("serving", source.serving());
        ArrayNode list = o.putArray("sessions");
        for (SessionSource.SessionInfo s : shown) {
            ObjectNode e = list.addObject().put("sid", s.sid()).put("alias", s.alias())
                    .put("initiator", s.initiatorWwn()).put("type", s.type()).put("state", s.state())
                    .put("authenticated", s.authenticated());
            ArrayNode luns = e.putArray("luns");
            s.luns().forEach(l -> luns.addObject().put("mapped_lun", l.mappedLun()).put("backstore", l.backstore())
                    .put("write_protect", l.writeProtect()));
            ArrayNode connections = e.putArray("connections");
            s.connections().forEach(c -> connections.addObject().put("address", c.address())
                    .put("transport", c.transport()).put("cid", c.cid()).put("state", c.state()));
        }
        return write(o);
    }

    /** A value as the text shows it, typed: Python's True/False/None, whole numbers, else the string. */
    static void typed(ObjectNode o, String key, String text) {
        if (text == null || text.equals("None")) {
            o.putNull(key);
        } else if (text.equals("True") || text.equals("true")) {
            o.put(key, true);
        } else if (text.equals("False") || text.equals("false")) {
            o.put(key, false);
        } else if (INTEGER.matcher(text).matches()) {
            o.put(key, Long.parseLong(text));
        } else {
            o.put(key, text);
        }
    }

    private static String write(ObjectNode o) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new ShellException("Cannot write JSON: " + e.getOriginalMessage());
        }
    }
}
