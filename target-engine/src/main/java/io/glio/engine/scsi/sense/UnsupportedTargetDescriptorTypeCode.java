package io.glio.engine.scsi.sense;

/** ILLEGAL REQUEST / UNSUPPORTED TARGET DESCRIPTOR TYPE CODE (0x26/0x07): an EXTENDED COPY CSCD descriptor other than identification (0xE4), or a list length not a multiple of 32. */
public final class UnsupportedTargetDescriptorTypeCode extends ScsiException {

    public UnsupportedTargetDescriptorTypeCode(String reason) {
        super(SenseKey.ILLEGAL_REQUEST, 0x26, 0x07, "UNSUPPORTED TARGET DESCRIPTOR TYPE CODE: " + reason);
    }
}
