package io.glio.engine.scsi.sense;

/** ILLEGAL REQUEST / UNSUPPORTED SEGMENT DESCRIPTOR TYPE CODE (0x26/0x09): an EXTENDED COPY segment other than block to block (0x02), or a list length not a multiple of 28. */
public final class UnsupportedSegmentDescriptorTypeCode extends ScsiException {

    public UnsupportedSegmentDescriptorTypeCode(String reason) {
        super(SenseKey.ILLEGAL_REQUEST, 0x26, 0x09, "UNSUPPORTED SEGMENT DESCRIPTOR TYPE CODE: " + reason);
    }
}
