package io.glio.engine.scsi.identity;

/**
 * NAA IEEE Registered Extended designator (NAA 6, SPC-4 7.8.6.6.5) built as LIO's
 * {@code spc_gen_naa_6h_vendor_specific}: NAA 6, company id 0x001405 (LIO's OUI), then the first
 * 25 hex digits of the unit serial (non-hex characters such as dashes skipped, missing digits 0).
 * Serial {@code 653e4072-8aad-4e9d-900e-4059f0e19e7e} gives {@code 6001405653e40728aad4e9d900e4059f}.
 */
public final class NaaDesignator {

    public static final int LIO_COMPANY_ID = 0x001405;

    private NaaDesignator() {
    }

    public static byte[] of(String unitSerial) {
        return of(LIO_COMPANY_ID, unitSerial);
    }

    public static byte[] of(int companyId, String unitSerial) {
        byte[] b = new byte[16];
        b[0] = (byte) (0x60 | ((companyId >>> 20) & 0xf));
        b[1] = (byte) (companyId >>> 12);
        b[2] = (byte) (companyId >>> 4);
        b[3] = (byte) ((companyId & 0xf) << 4);
        int nibble = 7; // nibble index in b: 7 = low nibble of b[3]
        for (int i = 0; i < unitSerial.length() && nibble < 32; i++) {
            int v = Character.digit(unitSerial.charAt(i), 16);
            if (v < 0) {
                continue;
            }
            int at = nibble / 2;
            b[at] |= (byte) (nibble % 2 == 0 ? v << 4 : v);
            nibble++;
        }
        return b;
    }
}
