package io.glio.engine.scsi;

import java.util.List;
import java.util.Optional;

/** The LUNs one nexus may reach, resolved live (the ACL may change while the session runs). */
public interface LunMap {

    Optional<LunAccess> lookup(long lun);

    /** LUN numbers in ascending order. */
    List<Integer> luns();
}
