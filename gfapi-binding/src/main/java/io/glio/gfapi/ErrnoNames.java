package io.glio.gfapi;

import java.util.Map;

/**
 * Symbolic names of the Linux errno values (asm-generic numbering, the same on x86_64 and
 * aarch64) that gfapi calls return, so errors say {@code ENOENT} rather than {@code 2}.
 */
final class ErrnoNames {

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1, "EPERM"), Map.entry(2, "ENOENT"), Map.entry(4, "EINTR"), Map.entry(5, "EIO"),
            Map.entry(6, "ENXIO"), Map.entry(9, "EBADF"), Map.entry(11, "EAGAIN"), Map.entry(12, "ENOMEM"),
            Map.entry(13, "EACCES"), Map.entry(14, "EFAULT"), Map.entry(16, "EBUSY"), Map.entry(17, "EEXIST"),
            Map.entry(19, "ENODEV"), Map.entry(20, "ENOTDIR"), Map.entry(21, "EISDIR"), Map.entry(22, "EINVAL"),
            Map.entry(23, "ENFILE"), Map.entry(24, "EMFILE"), Map.entry(27, "EFBIG"), Map.entry(28, "ENOSPC"),
            Map.entry(29, "ESPIPE"), Map.entry(30, "EROFS"), Map.entry(36, "ENAMETOOLONG"),
            Map.entry(38, "ENOSYS"), Map.entry(39, "ENOTEMPTY"), Map.entry(61, "ENODATA"),
            Map.entry(75, "EOVERFLOW"), Map.entry(77, "EBADFD"), Map.entry(95, "EOPNOTSUPP"),
            Map.entry(101, "ENETUNREACH"), Map.entry(103, "ECONNABORTED"), Map.entry(104, "ECONNRESET"),
            Map.entry(107, "ENOTCONN"), Map.entry(108, "ESHUTDOWN"), Map.entry(110, "ETIMEDOUT"),
            Map.entry(111, "ECONNREFUSED"), Map.entry(112, "EHOSTDOWN"), Map.entry(113, "EHOSTUNREACH"),
            Map.entry(116, "ESTALE"), Map.entry(122, "EDQUOT"), Map.entry(125, "ECANCELED"));

    /** The C library's text for the names in the table ({@code No such file or directory}). */
    private static final Map<Integer, String> TEXTS = Map.ofEntries(
            Map.entry(1, "Operation not permitted"),
            Map.entry(2, "No such file or directory"),
            Map.entry(4, "Interrupted system call"),
            Map.entry(5, "Input/output error"),
            Map.entry(6, "No such device or address"),
            Map.entry(9, "Bad file descriptor"),
            Map.entry(11, "Resource temporarily unavailable"),
            Map.entry(12, "Cannot allocate memory"),
            Map.entry(13, "Permission denied"),
            Map.entry(14, "Bad address"),
            Map.entry(16, "Device or resource busy"),
            Map.entry(17, "File exists"),
            Map.entry(19, "No such device"),
            Map.entry(20, "Not a directory"),
            Map.entry(21, "Is a directory"),
            Map.entry(22, "Invalid argument"),
            Map.entry(23, "Too many open files in system"),
            Map.entry(24, "Too many open files"),
            Map.entry(27, "File too large"),
            Map.entry(28, "No space left on device"),
            Map.entry(29, "Illegal seek"),
            Map.entry(30, "Read-only file system"),
            Map.entry(36, "File name too long"),
            Map.entry(38, "Function not implemented"),
            Map.entry(39, "Directory not empty"),
            Map.entry(61, "No data available"),
            Map.entry(75, "Value too large for defined data type"),
            Map.entry(77, "File descriptor in bad state"),
            Map.entry(95, "Operation not supported"),
            Map.entry(101, "Network is unreachable"),
            Map.entry(103, "Software caused connection abort"),
            Map.entry(104, "Connection reset by peer"),
            Map.entry(107, "Transport endpoint is not connected"),
            Map.entry(108, "Cannot send after transport endpoint shutdown"),
            Map.entry(110, "Connection timed out"),
            Map.entry(111, "Connection refused"),
            Map.entry(112, "Host is down"),
            Map.entry(113, "No route to host"),
            Map.entry(116, "Stale file handle"),
            Map.entry(122, "Disk quota exceeded"),
            Map.entry(125, "Operation canceled"));

    private ErrnoNames() {
    }

    /** {@code ENOENT} for 2; {@code errno 1234} for values not in the table. */
    static String name(int errno) {
        return NAMES.getOrDefault(errno, "errno " + errno);
    }

    /** The strerror text, empty for values not in the table. */
    static String text(int errno) {
        return TEXTS.getOrDefault(errno, "");
    }
}
