package io.glio.engine.scsi;

import io.glio.engine.scsi.pr.AccessKind;

/**
 * What the dispatcher and REPORT SUPPORTED OPERATION CODES need to know of an operation.
 *
 * @param opcode        operation code
 * @param serviceAction service action, or -1 for opcodes without one
 * @param usage         CDB USAGE DATA (SPC-4 6.35.3): byte 0 the opcode, then the bits that may be set; its
 *                      length is the CDB length
 * @param access        reservation class
 * @param writesMedium  rejected with DATA PROTECT on read-only LUNs
 * @param unitless      runs without a logical unit (REPORT LUNS, INQUIRY, REQUEST SENSE on any LUN)
 * @param needsMedium   answers NOT READY while the store is not ready
 */
public record OperationInfo(int opcode, int serviceAction, String name, byte[] usage, AccessKind access,
                            boolean writesMedium, boolean unitless, boolean needsMedium) {

    /** A medium read: reservation class READ, NOT READY without a store. */
    public static OperationInfo read(int opcode, String name, int... usage) {
        return new OperationInfo(opcode, -1, name, bytes(opcode, usage), AccessKind.READ, false, false, true);
    }

    /** A medium write. */
    public static OperationInfo write(int opcode, String name, int... usage) {
        return new OperationInfo(opcode, -1, name, bytes(opcode, usage), AccessKind.WRITE, true, false, true);
    }

    /** A medium read described by a full usage array (byte 0 = opcode). */
    public static OperationInfo read(String name, byte[] usage) {
        return new OperationInfo(usage[0] & 0xff, -1, name, usage, AccessKind.READ, false, false, true);
    }

    /** A medium write described by a full usage array (byte 0 = opcode). */
    public static OperationInfo write(String name, byte[] usage) {
        return new OperationInfo(usage[0] & 0xff, -1, name, usage, AccessKind.WRITE, true, false, true);
    }

    /** Other commands: no medium access rules of their own. */
    public static OperationInfo other(int opcode, int serviceAction, String name, AccessKind access, int... usage) {
        return new OperationInfo(opcode, serviceAction, name, bytes(opcode, usage), access, false, false, false);
    }

    public static byte[] bytes(int opcode, int... usage) {
        byte[] b = new byte[usage.length + 1];
        b[0] = (byte) opcode;
        for (int i = 0; i < usage.length; i++) {
            b[i + 1] = (byte) usage[i];
        }
        return b;
    }

    public int cdbLength() {
        return usage.length;
    }

    /** Exempt from unit attentions (SAM-5 5.14: INQUIRY, REPORT LUNS, REQUEST SENSE). */
    public boolean uaExempt() {
        return unitless;
    }

    public OperationInfo withServiceAction(int sa) {
        return new OperationInfo(opcode, sa, name, usage, access, writesMedium, unitless, needsMedium);
    }

    public OperationInfo needingMedium(boolean medium) {
        return new OperationInfo(opcode, serviceAction, name, usage, access, writesMedium, unitless, medium);
    }

    public OperationInfo unitlessOperation() {
        return new OperationInfo(opcode, serviceAction, name, usage, AccessKind.ALWAYS, writesMedium, true, false);
    }
}
