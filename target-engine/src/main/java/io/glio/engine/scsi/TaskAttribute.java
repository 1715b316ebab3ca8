package io.glio.engine.scsi;

/** Task attribute of a SCSI command (SAM-5 8.6; RFC 7143 §11.3.1 ATTR field). */
public enum TaskAttribute {
    UNTAGGED, SIMPLE, ORDERED, HEAD_OF_QUEUE, ACA;

    /** Decodes the 3-bit ATTR field of an iSCSI SCSI Command PDU. */
    public static TaskAttribute fromIscsiAttr(int attr) {
        return switch (attr & 0x7) {
            case 0 -> UNTAGGED;
            case 1 -> SIMPLE;
            case 2 -> ORDERED;
            case 3 -> HEAD_OF_QUEUE;
            case 4 -> ACA;
            default -> SIMPLE; // reserved values: treat as SIMPLE, as LIO does
        };
    }
}
