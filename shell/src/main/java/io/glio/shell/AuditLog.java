package io.glio.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The shell's audit trail: each command line, who ran it (uid and user) and its outcome,
 * appended to the {@code logfile} preference's file ({@code $TARGETCLI_HOME/log.txt} by
 * default) in configshell's line format {@code [LEVEL] yyyy-MM-dd HH:mm:ss message}. A command
 * that worked is an INFO line and one that failed an ERROR line, so {@code loglevel_file}
 * filters them as it filters targetcli's. The file is created 0600 (owned by the client when
 * a root service writes it for one) and rotated to {@code <file>.1} past {@link #MAX_BYTES}.
 * Writing is best effort: a log that cannot be written never fails a command.
 */
public final class AuditLog {

    /** Size past which the file is rotated before the next line. */
    static final long MAX_BYTES = 1 << 20;
    /** No file: in-memory preferences (tests, man page generation). */
    public static final AuditLog NONE = new AuditLog(null, null, null, 0);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** One lock for every log file of the process: a service's clients may share one. */
    private static final Object WRITE_LOCK = new Object();

    private final Prefs prefs;
    private final String who;
    private final UserPrincipal owner;
    private final long maxBytes;

    private AuditLog(Prefs prefs, String who, UserPrincipal owner, long maxBytes) {
        this.prefs = prefs;
        this.who = who;
        this.owner = owner;
        this.maxBytes = maxBytes;
    }

    /**
     * The log of a client: {@code uid} and {@code user} as the kernel says
     * ({@code SO_PEERCRED}), {@code owner} the principal new files are given to (null: the
     * process's own user).
     */
    public static AuditLog of(Prefs prefs, int uid, String user, UserPrincipal owner) {
        return new AuditLog(prefs, "uid=" + uid + "(" + user + ")", owner, MAX_BYTES);
    }

    /** The log of this process's own user (an embedded shell). */
    public static AuditLog ofThisProcess(Prefs prefs) {
        return of(prefs, ownUid(), System.getProperty("user.name", "?"), null);
    }

    /** A copy rotated past {@code bytes} (tests of rotation). */
    AuditLog rotatingAt(long bytes) {
        return new AuditLog(prefs, who, owner, bytes);
    }

    /** Records one command line and its outcome: {@code error} null when it worked. */
    public void command(String line, String error) {
        if (line.isBlank()) {
            return;
        }
        if (error == null) {
            append("info", who + " " + line.strip() + ": ok");
        } else {
            append("error", who + " " + line.strip() + ": failed: " + error);
        }
    }

    private void append(String level, String message) {
        Path file = file();
        if (file == null || ValueType.LOGLEVELS.indexOf(level) > ValueType.LOGLEVELS.indexOf(prefs.get("loglevel_file"))) {
            return;
        }
        String text = "[" + level.toUpperCase(java.util.Locale.ROOT) + "] " + LocalDateTime.now(ZoneId.systemDefault()).format(DATE) + " "
                + message.replace('\n', ' ') + "\n";
        synchronized (WRITE_LOCK) {
            try {
                rotateIfFull(file);
                create(file);
                // One write with O_APPEND: lines of other processes never interleave inside it.
                Files.write(file, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
            } catch (IOException | RuntimeException e) {
                // Best effort (see the class comment): the command's outcome stands.
            }
        }
    }

    private Path file() {
        String configured = prefs == null ? null : prefs.get("logfile");
        if (configured == null || configured.isEmpty()) {
            return null;
        }
        return configured.equals("~") || configured.startsWith("~/")
                ? Path.of(System.getProperty("user.home") + configured.substring(1)) : Path.of(configured);
    }

    private void rotateIfFull(Path file) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) >= maxBytes) {
            Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void create(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            return;
        }
        if (owner != null) {
            try {
                Files.setOwner(file, owner);
            } catch (IOException e) {
                // Not root: the file stays the service's own, still 0600.
            }
        }
    }

    private static int ownUid() {
        try {
            // /proc/self belongs to the process's effective uid.
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
