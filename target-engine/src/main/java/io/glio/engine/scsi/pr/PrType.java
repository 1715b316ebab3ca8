package io.glio.engine.scsi.pr;

/** Persistent reservation types (SPC-4 table 220). */
public final class PrType {
    public static final int WRITE_EXCLUSIVE = 1;
    public static final int EXCLUSIVE_ACCESS = 3;
    public static final int WRITE_EXCLUSIVE_REGISTRANTS_ONLY = 5;
    public static final int EXCLUSIVE_ACCESS_REGISTRANTS_ONLY = 6;
    public static final int WRITE_EXCLUSIVE_ALL_REGISTRANTS = 7;
    public static final int EXCLUSIVE_ACCESS_ALL_REGISTRANTS = 8;

    private PrType() {
    }

    public static boolean valid(int type) {
        return type == 1 || type == 3 || (type >= 5 && type <= 8);
    }

    /** All registrants hold the reservation. */
    public static boolean allRegistrants(int type) {
        return type == WRITE_EXCLUSIVE_ALL_REGISTRANTS || type == EXCLUSIVE_ACCESS_ALL_REGISTRANTS;
    }

    /** Registrants (not only the holder) may access the medium. */
    public static boolean registrantsAccess(int type) {
        return type >= WRITE_EXCLUSIVE_REGISTRANTS_ONLY;
    }

    /** Reads are reserved too (the exclusive access family). */
    public static boolean exclusiveAccess(int type) {
        return type == EXCLUSIVE_ACCESS || type == EXCLUSIVE_ACCESS_REGISTRANTS_ONLY
                || type == EXCLUSIVE_ACCESS_ALL_REGISTRANTS;
    }
}
