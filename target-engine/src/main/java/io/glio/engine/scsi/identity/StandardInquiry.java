package io.glio.engine.scsi.identity;

import io.glio.engine.scsi.Cdb;
import io.glio.engine.scsi.DeviceSettings;

/**
 * Standard INQUIRY data (SPC-4 6.6.2) as a current LIO kernel sends it: 96 bytes, SPC-4,
 * implicit ALUA (TPGS 01b), 3PC with {@code emulate_3pc}, CmdQue, vendor {@code LIO-ORG}, the backstore's product and
 * revision, version descriptors SAM-5, iSCSI, SPC-4, SBC-3. tcmu-runner objects report
 * {@code TCMU device}/{@code 0002} (DeviceSettings) with the same layout.
 */
public final class StandardInquiry {

    public static final String VENDOR = "LIO-ORG";
    public static final int LENGTH = 96;
    private static final int[] VERSION_DESCRIPTORS = {0x00a0, 0x0960, 0x0460, 0x04c0};

    private StandardInquiry() {
    }

    public static byte[] of(DeviceSettings s) {
        return of(s, false);
    }

    /**
     * With {@code explicitAlua} (a LU shared by several gateways, which accepts SET TARGET PORT
     * GROUPS) TPGS is 11b: implicit and explicit.
     */
    public static byte[] of(DeviceSettings s, boolean explicitAlua) {
        byte[] d = new byte[LENGTH];
        d[2] = 0x06;
        d[3] = 0x12; // HISUP | response data format 2
        d[4] = (byte) (LENGTH - 5);
        d[5] = (byte) (explicitAlua ? 0x30 : 0x10); // TPGS 11b, or 01b: implicit only (no SET TARGET PORT GROUPS)
        if (s.thirdPartyCopy()) {
            d[5] |= 0x08; // 3PC: EXTENDED COPY (emulate_3pc)
        }
        d[7] = 0x02; // CMDQUE
        System.arraycopy(Designators.padded(VENDOR, 8), 0, d, 8, 8);
        System.arraycopy(Designators.padded(s.product(), 16), 0, d, 16, 16);
        System.arraycopy(Designators.padded(s.revision(), 4), 0, d, 32, 4);
        for (int i = 0; i < VERSION_DESCRIPTORS.length; i++) {
            Cdb.put16(d, 58 + 2 * i, VERSION_DESCRIPTORS[i]);
        }
        return d;
    }

    /** INQUIRY on a LUN the nexus cannot reach: PERIPHERAL QUALIFIER 011b, type 1Fh (SPC-4 6.6.2). */
    public static byte[] noUnit() {
        byte[] d = new byte[36];
        d[0] = 0x7f;
        d[2] = 0x06;
        d[3] = 0x02;
        d[4] = 31;
        System.arraycopy(Designators.padded(VENDOR, 8), 0, d, 8, 8);
        return d;
    }
}
