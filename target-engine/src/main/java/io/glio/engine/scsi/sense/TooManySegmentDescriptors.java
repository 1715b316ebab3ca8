package io.glio.engine.scsi.sense;

/** ILLEGAL REQUEST / TOO MANY SEGMENT DESCRIPTORS (0x26/0x08): an EXTENDED COPY segment list longer than RECEIVE COPY RESULTS allows (SPC-4 6.4.3.5). */
public final class TooManySegmentDescriptors extends ScsiException {

    public TooManySegmentDescriptors(String reason) {
        super(SenseKey.ILLEGAL_REQUEST, 0x26, 0x08, "TOO MANY SEGMENT DESCRIPTORS: " + reason);
    }
}
