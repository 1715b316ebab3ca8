package io.glio.engine.nbd;

import java.util.List;
import java.util.Optional;

/** The exports a connection may choose from during the handshake (the LUNs of its target). */
interface NbdExports {

    /**
     * What NBD_INFO_EXPORT and NBD_INFO_BLOCK_SIZE say of one export: {@code maxPayload} is the
     * largest READ or WRITE the LU takes in one command (its MAXIMUM TRANSFER LENGTH).
     */
    record Info(long size, int blockSize, int maxPayload, int transmissionFlags) {
    }

    /** Export names in LUN order ({@code lun0}, {@code lun1}, ...). */
    List<String> names();

    Optional<Info> info(String name);
}
