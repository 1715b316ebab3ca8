package io.glio.engine.scsi.sense;

/** ILLEGAL REQUEST / INVALID COMMAND OPERATION CODE (0x20/0x00): opcode or service action not supported. */
public final class InvalidOpcode extends ScsiException {

    public InvalidOpcode() {
        super(SenseKey.ILLEGAL_REQUEST, 0x20, 0x00, "INVALID COMMAND OPERATION CODE");
    }
}
