package io.glio.engine.backing.glfs.meta;

import io.glio.gfapi.Glfs;
import java.util.List;

/**
 * A gateway that rewrites a LU's identity as fast as it can, printing each size once written,
 * until it is killed: {@link LuMetaVolumeTest} kills it with SIGKILL mid-write.
 * Arguments: volume, host, path.
 */
public final class MetaWriterMain {

    private MetaWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        Glfs glfs = Glfs.connect(args[0], List.of(args[1]));
        LuMetaVolume volume = LuMetaVolume.open(glfs, args[2]);
        // A long value (ext4 keeps all of a file's xattrs in one 4 KiB block: no more fits).
        String wwn = "w".repeat(2000);
        for (long i = 1; ; i++) {
            long size = i * 4096;
            volume.locked(java.time.Duration.ofSeconds(5), () -> {
                volume.writeIdentity(new LuIdentity(wwn, size, 512));
                return null;
            });
            System.out.println(size);
            System.out.flush();
        }
    }
}
