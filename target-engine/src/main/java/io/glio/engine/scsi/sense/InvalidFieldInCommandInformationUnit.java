package io.glio.engine.scsi.sense;

/** ILLEGAL REQUEST / INVALID FIELD IN COMMAND INFORMATION UNIT (0x0e/0x03): the transport's expected length does not match the CDB (LIO target_cmd_size_check). */
public final class InvalidFieldInCommandInformationUnit extends ScsiException {

    public InvalidFieldInCommandInformationUnit() {
        super(SenseKey.ILLEGAL_REQUEST, 0x0e, 0x03, "INVALID FIELD IN COMMAND INFORMATION UNIT");
    }
}
