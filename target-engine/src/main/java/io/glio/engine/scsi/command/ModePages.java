package io.glio.engine.scsi.command;

import io.glio.engine.scsi.DeviceSettings;

import java.io.ByteArrayOutputStream;

/**
 * The mode pages a LU reports (SPC-4 7.5, SBC-3 6.4), with LIO's content. None is changeable:
 * the changeable-values form is the page with every field zero.
 */
final class ModePages {

    static final int ALL = 0x3f;
    private static final int[] CODES = {0x01, 0x08, 0x0a, 0x1c};

    private ModePages() {
    }

    /** The page (or, for 0x3f, all pages in code order), or null for an unknown page code. */
    static byte[] get(int code, DeviceSettings s, boolean changeable) {
        if (code == ALL) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int c : CODES) {
                all.writeBytes(get(c, s, changeable));
            }
            return all.toByteArray();
        }
        byte[] p = switch (code) {
            case 0x01 -> new byte[12];          // read-write error recovery: all zero
            case 0x08 -> new byte[20];          // caching
            case 0x0a -> new byte[12];          // control
            case 0x1c -> new byte[12];          // informational exceptions control
            default -> null;
        };
        if (p == null) {
            return null;
        }
        p[0] = (byte) code;
        p[1] = (byte) (p.length - 2);
        if (changeable) {
            return p;
        }
        if (code == 0x08) {
            p[2] = (byte) (s.writeCache() ? 0x04 : 0x00); // WCE
            p[12] = 0x20;                                 // DRA: no read-ahead
        } else if (code == 0x0a) {
            p[2] = 0x02;                                                  // GLTSD, D_SENSE=0
            p[3] = (byte) (s.restrictedReordering() ? 0x00 : 0x10);       // QUEUE ALGORITHM MODIFIER 1
            p[4] = (byte) ((s.uaInterlock() & 3) << 4);
            p[5] = (byte) (s.tas() ? 0x40 : 0x00);                        // TAS
            p[8] = (byte) 0xff;                                           // BUSY TIMEOUT PERIOD: unlimited
            p[9] = (byte) 0xff;
            p[11] = 30;                                                   // extended self-test time
        }
        return p;
    }
}
