package io.glio.engine.scsi.sense;

/** UNIT ATTENTION with its ASC/ASCQ (SAM-5 5.14; the conditions are constants below). */
public final class UnitAttention extends ScsiException {

    public UnitAttention(int asc, int ascq) {
        super(SenseKey.UNIT_ATTENTION, asc, ascq, String.format("UNIT ATTENTION %02x/%02x", asc, ascq));
    }
}
