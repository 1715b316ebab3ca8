package io.glio.engine.scsi.sense;

/**
 * NOT READY with the cause's ASC/ASCQ, e.g. 0x04/0x0b LOGICAL UNIT NOT ACCESSIBLE, TARGET PORT
 * IN STANDBY STATE (tcmu-runner's FENCED, also used for a store that is not reachable).
 */
public final class NotReady extends ScsiException {

    public NotReady(int asc, int ascq) {
        super(SenseKey.NOT_READY, asc, ascq, String.format("NOT READY %02x/%02x", asc, ascq));
    }

    /** The store behind the LU is unreachable (gluster volume down, still opening). */
    public static NotReady storeNotAccessible() {
        return new NotReady(0x04, 0x0b);
    }
}
