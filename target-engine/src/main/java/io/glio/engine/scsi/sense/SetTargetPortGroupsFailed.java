package io.glio.engine.scsi.sense;

/**
 * ABORTED COMMAND / SET TARGET PORT GROUPS COMMAND FAILED (0x67/0x0a): the new states could not
 * be recorded (the volume of a shared LU was not reached). ABORTED COMMAND rather than HARDWARE
 * ERROR because the cause is transient and initiators retry an aborted command.
 */
public final class SetTargetPortGroupsFailed extends ScsiException {

    public SetTargetPortGroupsFailed(String why) {
        super(SenseKey.ABORTED_COMMAND, 0x67, 0x0a, "SET TARGET PORT GROUPS COMMAND FAILED: " + why);
    }
}
