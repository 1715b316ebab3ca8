package io.glio.engine.scsi.sense;

/**
 * MISCOMPARE / MISCOMPARE DURING VERIFY OPERATION (0x1d/0x00); INFORMATION = offset of the first
 * differing byte (SBC-3 5.2 COMPARE AND WRITE, 5.25 VERIFY).
 */
public final class MiscompareDuringVerify extends ScsiException {

    private final long offset;

    public MiscompareDuringVerify(long offset) {
        super(SenseKey.MISCOMPARE, 0x1d, 0x00, "MISCOMPARE DURING VERIFY OPERATION at byte " + offset);
        this.offset = offset;
    }

    public long offset() {
        return offset;
    }

    @Override
    public long information() {
        return offset;
    }
}
