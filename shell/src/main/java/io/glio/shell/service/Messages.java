package io.glio.shell.service;

import io.glio.shell.Completions;
import java.util.ArrayList;
import java.util.List;

/** The fields of each frame type, as records that turn into frames and back. */
public final class Messages {

    /** Protocol version sent in the hello; a service refuses any other. */
    public static final int VERSION = 2;

    private Messages() {
    }

    private static Payload.Reader reader(Frame f, Frame.Type expected) {
        if (f.type() != expected) {
            throw new FrameException("frame type: " + f.type() + " (expected: " + expected + ")");
        }
        return new Payload.Reader(f);
    }

    /**
     * The client's first frame: protocol version, its {@code TARGETCLI_HOME} (preferences and
     * bookmarks), its working directory (absolute; relative file paths in its commands resolve
     * there), its terminal facts, and whether it runs one command (from {@code /}, errors printed
     * bare) or is a shell (resumes the last path).
     */
    public record Hello(int version, String home, String cwd, boolean terminal, int width, boolean oneShot) {
        public Frame frame() {
            return new Payload.Writer().putInt(version).putString(home).putString(cwd).putBool(terminal).putInt(width)
                    .putBool(oneShot).frame(Frame.Type.HELLO);
        }

        public static Hello of(Frame f) {
            Payload.Reader r = reader(f, Frame.Type.HELLO);
            int version = r.getInt();
            if (version != VERSION) {
                throw new FrameException("version: " + version + " (expected: " + VERSION + ")");
            }
            String home = r.getString();
            String cwd = r.getString();
            if (!cwd.startsWith("/")) {
                throw new FrameException("cwd: '" + cwd + "' (expected: an absolute path)");
            }
            return new Hello(version, home, cwd, r.getBool(), r.getInt(), r.getBool());
        }
    }

    /** The service's answer to a hello it accepts: its pid, the file it serves, the first prompt. */
    public record Welcome(long pid, String configFile, String prompt) {
        public Frame frame() {
            return new Payload.Writer().putLong(pid).putString(configFile).putString(prompt).frame(Frame.Type.WELCOME);
        }

        public static Welcome of(Frame f) {
            Payload.Reader r = reader(f, Frame.Type.WELCOME);
            return new Welcome(r.getLong(), r.getString(), r.getString());
        }
    }

    /** A command line and the terminal width to render it for. */
    public record Line(int width, String text) {
        public Frame frame() {
            return new Payload.Writer().putInt(width).putString(text).frame(Frame.Type.LINE);
        }

        public static Line of(Frame f) {
            Payload.Reader r = reader(f, Frame.Type.LINE);
            return new Line(r.getInt(), r.getString());
        }
    }

    /** The end of a line's output: whether it succeeded, whether it asked to exit, the new prompt. */
    public record Done(boolean ok, boolean exitRequested, String prompt) {
        public Frame frame() {
            return new Payload.Writer().putBool(ok).putBool(exitRequested).putString(prompt).frame(Frame.Type.DONE);
        }

        public static Done of(Frame f) {
            Payload.Reader r = reader(f, Frame.Type.DONE);
            return new Done(r.getBool(), r.getBool(), r.getString());
        }
    }

    /** A one-string frame: REFUSED (why) and COMPLETE (the line up to the cursor). */
    public static Frame text(Frame.Type type, String text) {
        return new Payload.Writer().putString(text).frame(type);
    }

    public static String text(Frame f) {
        return new Payload.Reader(f).getString();
    }

    /** CANDIDATES: the completer's items. */
    public static Frame candidates(List<Completions.Item> items) {
        Payload.Writer w = new Payload.Writer().putInt(items.size());
        for (Completions.Item i : items) {
            w.putString(i.value()).putString(i.display()).putBool(i.complete());
        }
        return w.frame(Frame.Type.CANDIDATES);
    }

    public static List<Completions.Item> candidates(Frame f) {
        Payload.Reader r = reader(f, Frame.Type.CANDIDATES);
        int n = r.getInt();
        // Each item takes at least 9 bytes: never size a list from an unchecked count.
        if (n < 0 || n > r.remaining() / 9) {
            throw new FrameException("CANDIDATES count: " + n + " (expected: <= " + r.remaining() / 9 + ")");
        }
        List<Completions.Item> items = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            items.add(new Completions.Item(r.getString(), r.getString(), r.getBool()));
        }
        return items;
    }
}
