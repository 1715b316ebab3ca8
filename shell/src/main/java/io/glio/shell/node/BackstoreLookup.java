package io.glio.shell.node;

import io.glio.shell.Shell;
import io.glio.shell.ShellException;
import io.glio.engine.model.DeviceProbe;
import io.glio.engine.model.FileioCreation;
import io.glio.engine.model.ModelException;
import io.glio.engine.model.StorageObject;
import java.util.Optional;

/**
 * How {@code luns create} and mapped-LUN {@code create} find the storage object they are given:
 * a shell path to a storage-object node, or a local file or block device for which a backstore
 * is made on the spot (rtslib's {@code StorageObjectFactory}).
 */
final class BackstoreLookup {

    private BackstoreLookup() {
    }

    /** The storage object a shell path names, if it names one. */
    static Optional<StorageObject> byPath(Shell shell, UiNode from, String path) {
        try {
            UiNode n = shell.resolve(from, path);
            return n instanceof StorageObjectNode so ? Optional.of(so.storageObject()) : Optional.empty();
        } catch (ShellException e) {
            return Optional.empty();
        }
    }

    /**
     * A fileio (existing regular file, write-back off) or block (block device) object named
     * after the path ({@code /srv/a.img} → {@code srv-a.img}); empty when the path is neither.
     */
    static Optional<StorageObject> createFromFile(Shell shell, String path) {
        DeviceProbe.Kind kind = shell.model().environment().devices().kind(path);
        String name = stripSlashes(path).replace('/', '-');
        try {
            if (kind == DeviceProbe.Kind.REGULAR_FILE) {
                FileioCreation c = shell.model().createFileio(name, path, null, false, true, null);
                return Optional.of(c.storageObject());
            }
            if (kind == DeviceProbe.Kind.BLOCK_DEVICE) {
                return Optional.of(shell.model().createBlock(name, path, null, null));
            }
        } catch (ModelException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String stripSlashes(String path) {
        int from = 0;
        int to = path.length();
        while (from < to && path.charAt(from) == '/') {
            from++;
        }
        while (to > from && path.charAt(to - 1) == '/') {
            to--;
        }
        return path.substring(from, to);
    }
}
