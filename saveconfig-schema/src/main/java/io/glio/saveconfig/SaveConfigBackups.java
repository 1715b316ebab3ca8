package io.glio.saveconfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The backups targetcli takes before saving to the default file (targetcli-reference.md §8):
 * the previous {@code saveconfig.json} is gzipped to
 * {@code <dir>/backup/saveconfig-YYYYmmdd-HH:MM:SS-json.gz} unless it equals the newest backup,
 * and only the newest {@code maxBackupFiles} backups are kept. Backups are 0600 (they hold CHAP
 * secrets); the folder is created 0700 (targetcli makes it 0600, which only root can enter).
 * The caller decides whether the save goes to the default file and prints
 * {@code Last N configs saved in <dir>/backup/.} when {@link #backup} returns true.
 */
public final class SaveConfigBackups {
    public static final int DEFAULT_MAX_BACKUP_FILES = 10;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss");

    private final Clock clock;

    /** Backups stamped with the system clock in the local time zone, as targetcli does. */
    @SuppressWarnings("JavaTimeDefaultTimeZone") // targetcli names backups in local time
    public SaveConfigBackups() {
        this(Clock.systemDefaultZone());
    }

    /** Backups stamped with {@code clock} (its zone gives the local time of the name). */
    public SaveConfigBackups(Clock clock) {
        this.clock = clock;
    }

    /** {@code <dir of saveFile>/backup}. */
    public static Path backupDir(Path saveFile) {
        return saveFile.toAbsolutePath().getParent().resolve("backup");
    }

    /**
     * Backs up {@code saveFile} (the file about to be overwritten) if it exists and differs from
     * the newest backup, then deletes all but the newest {@code maxBackupFiles} backups.
     *
     * @return whether a new backup file was written
     * @throws SaveConfigException {@code Could not create backup file <f>: <reason>.}
     */
    public boolean backup(Path saveFile, int maxBackupFiles) throws SaveConfigException {
        if (maxBackupFiles < 1) {
            throw new IllegalArgumentException("maxBackupFiles must be at least 1, got " + maxBackupFiles);
        }
        Path dir = backupDir(saveFile);
        Path backup = dir.resolve("saveconfig-" + LocalDateTime.now(clock).format(STAMP) + "-json.gz");
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            if (!Files.exists(saveFile)) {
                return false;
            }
            byte[] current = Files.readAllBytes(saveFile);
            List<Path> existing = backups(dir);
            if (!existing.isEmpty() && Arrays.equals(current, contentOf(existing.get(existing.size() - 1)))) {
                return false;
            }
            writeGzip(backup, current);
            List<Path> all = backups(dir);
            for (Path old : all.subList(0, Math.max(0, all.size() - maxBackupFiles))) {
                Files.deleteIfExists(old);
            }
            return true;
        } catch (IOException e) {
            throw new SaveConfigException("Could not create backup file " + backup + ": " + e.getMessage() + ".", e);
        }
    }

    /** Backup files, oldest first (their names sort by time). */
    static List<Path> backups(Path dir) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "saveconfig-*json*")) {
            stream.forEach(found::add);
        }
        found.sort((a, b) -> PythonJson.CODE_POINT_ORDER.compare(a.getFileName().toString(),
                b.getFileName().toString()));
        return found;
    }

    /** The saved bytes in a backup, or {@code null} if it cannot be read (then it never matches). */
    private static byte[] contentOf(Path backup) {
        try (InputStream raw = Files.newInputStream(backup);
                InputStream in = backup.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    private static void writeGzip(Path backup, byte[] content) throws IOException {
        Path temp = Files.createTempFile(backup.getParent(), ".backup.", ".temp",
                PosixFilePermissions.asFileAttribute(SaveConfigWriter.OWNER_READ_WRITE));
        try {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(temp))) {
                out.write(content);
            }
            Files.move(temp, backup, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
