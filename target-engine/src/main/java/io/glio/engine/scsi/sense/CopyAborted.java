package io.glio.engine.scsi.sense;

/**
 * COPY ABORTED with no additional sense code (0x00/0x00): an EXTENDED COPY segment the copy
 * targets cannot carry out (blocks beyond a copy target's capacity, SPC-4 6.4.4), detected
 * before any block is moved.
 */
public final class CopyAborted extends ScsiException {

    public CopyAborted(String reason) {
        super(SenseKey.COPY_ABORTED, 0x00, 0x00, "COPY ABORTED: " + reason);
    }
}
