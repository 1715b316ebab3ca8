package io.glio.engine.scsi;

import io.glio.engine.scsi.sense.NotReady;

/**
 * What a target port group's asymmetric access state lets through (SPC-4 5.15.2.4, LIO
 * core_alua_state_check). Active states pass everything; standby keeps the management commands;
 * unavailable and transitioning keep only the discovery ones; offline nothing.
 */
public final class AluaAccess {

    public static final int ACTIVE_OPTIMIZED = 0;
    public static final int STANDBY = 2;
    public static final int UNAVAILABLE = 3;
    public static final int OFFLINE = 14;
    public static final int TRANSITIONING = 15;

    private AluaAccess() {
    }

    public static void check(int state, int opcode, int serviceAction) throws NotReady {
        switch (state) {
            case STANDBY -> {
                if (!discovery(opcode, serviceAction) && !management(opcode)) {
                    throw new NotReady(0x04, 0x0b);
                }
            }
            case UNAVAILABLE -> {
                if (!discovery(opcode, serviceAction)) {
                    throw new NotReady(0x04, 0x0c);
                }
            }
            case TRANSITIONING -> {
                if (!discovery(opcode, serviceAction)) {
                    throw new NotReady(0x04, 0x0a);
                }
            }
            case OFFLINE -> throw new NotReady(0x04, 0x12);
            default -> { }
        }
    }

    /** INQUIRY, REPORT LUNS, REQUEST SENSE, READ/WRITE BUFFER, REPORT TARGET PORT GROUPS. */
    private static boolean discovery(int opcode, int serviceAction) {
        return opcode == 0x12 || opcode == 0xa0 || opcode == 0x03 || opcode == 0x3c || opcode == 0x3b
                || (opcode == 0xa3 && serviceAction == 0x0a);
    }

    /** LOG SELECT/SENSE, MODE SELECT/SENSE, RECEIVE/SEND DIAGNOSTIC, PERSISTENT RESERVE IN/OUT. */
    private static boolean management(int opcode) {
        return switch (opcode) {
            case 0x4c, 0x4d, 0x15, 0x55, 0x1a, 0x5a, 0x1c, 0x1d, 0x5e, 0x5f -> true;
            default -> false;
        };
    }
}
