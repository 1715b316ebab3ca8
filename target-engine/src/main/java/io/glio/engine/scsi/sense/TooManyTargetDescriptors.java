package io.glio.engine.scsi.sense;

/** ILLEGAL REQUEST / TOO MANY TARGET DESCRIPTORS (0x26/0x06): an EXTENDED COPY CSCD list longer than RECEIVE COPY RESULTS allows (SPC-4 6.4.3.4). */
public final class TooManyTargetDescriptors extends ScsiException {

    public TooManyTargetDescriptors(String reason) {
        super(SenseKey.ILLEGAL_REQUEST, 0x26, 0x06, "TOO MANY TARGET DESCRIPTORS: " + reason);
    }
}
