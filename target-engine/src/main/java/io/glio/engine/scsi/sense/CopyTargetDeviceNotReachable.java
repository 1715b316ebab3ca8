package io.glio.engine.scsi.sense;

/** COPY ABORTED / COPY TARGET DEVICE NOT REACHABLE (0x0d/0x02): an EXTENDED COPY names a copy target this nexus cannot reach (LIO tells the initiator this way to fall back to READ and WRITE). */
public final class CopyTargetDeviceNotReachable extends ScsiException {

    public CopyTargetDeviceNotReachable(String reason) {
        super(SenseKey.COPY_ABORTED, 0x0d, 0x02, "COPY TARGET DEVICE NOT REACHABLE: " + reason);
    }
}
