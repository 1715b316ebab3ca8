package io.glio.engine.scsi.sense;

/** DATA PROTECT / WRITE PROTECTED (0x27/0x00): read-only object or write-protected mapped LUN. */
public final class WriteProtected extends ScsiException {

    public WriteProtected() {
        super(SenseKey.DATA_PROTECT, 0x27, 0x00, "WRITE PROTECTED");
    }
}
