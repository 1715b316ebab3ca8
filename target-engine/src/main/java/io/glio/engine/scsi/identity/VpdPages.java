package io.glio.engine.scsi.identity;

import io.glio.engine.scsi.Cdb;
import io.glio.engine.scsi.DeviceSettings;
import io.glio.engine.scsi.ItNexus;
import io.glio.engine.scsi.LunAccess;

import java.nio.charset.StandardCharsets;

/**
 * The vital product data pages a LU offers (SPC-4 7.8, SBC-3 6.5), each with the 4-byte
 * header: peripheral type, page code, PAGE LENGTH (2 bytes).
 */
public final class VpdPages {

    /** Supported pages, ascending (libiscsi checks the order). */
    private static final int[] SUPPORTED = {0x00, 0x80, 0x83, 0x86, 0xb0, 0xb1, 0xb2};

    private VpdPages() {
    }

    /** The page, or null when the page code is not supported. */
    public static byte[] page(int code, LunAccess access, ItNexus nexus) {
        DeviceSettings s = access.unit().settings();
        return switch (code) {
            case 0x00 -> supported();
            case 0x80 -> page(0x80, (access.unit().wwn() + "\0").getBytes(StandardCharsets.US_ASCII));
            case 0x83 -> page(0x83, DeviceIdentification.designators(access, nexus));
            case 0x86 -> extendedInquiry(s);
            case 0xb0 -> blockLimits(s);
            case 0xb1 -> blockDeviceCharacteristics(s);
            case 0xb2 -> logicalBlockProvisioning(s);
            default -> null;
        };
    }

    private static byte[] page(int code, byte[] body) {
        byte[] d = new byte[4 + body.length];
        d[1] = (byte) code;
        Cdb.put16(d, 2, body.length);
        System.arraycopy(body, 0, d, 4, body.length);
        return d;
    }

    private static byte[] supported() {
        byte[] body = new byte[SUPPORTED.length];
        for (int i = 0; i < SUPPORTED.length; i++) {
            body[i] = (byte) SUPPORTED[i];
        }
        return page(0x00, body);
    }

    /** 0x86: HEADSUP|ORDSUP|SIMPSUP; V_SUP with a write cache. */
    private static byte[] extendedInquiry(DeviceSettings s) {
        byte[] body = new byte[0x3c];
        body[1] = 0x07;
        body[2] = (byte) (s.writeCache() ? 0x01 : 0x00);
        return page(0x86, body);
    }

    /**
     * 0xB0 Block Limits (SBC-3 6.5.3), page length 0x3c: WSNZ, MAXIMUM COMPARE AND WRITE LENGTH 1,
     * transfer lengths from hw_max_sectors / optimal_sectors, the unmap limits when UNMAP is on
     * (0 in the attributes = no limit = 0xffffffff here), MAXIMUM WRITE SAME LENGTH, and the
     * WRITE ATOMIC limits of SBC-4 6.6.4 (bytes 44..63, inside the same page length, which SBC-4
     * gives the page anyway).
     */
    private static byte[] blockLimits(DeviceSettings s) {
        byte[] d = new byte[0x40];
        d[1] = (byte) 0xb0;
        Cdb.put16(d, 2, 0x3c);
        d[4] = 0x01;
        d[5] = (byte) (s.caw() ? 1 : 0);
        Cdb.put16(d, 6, 1);
        long max = Math.min(s.maxTransferBlocks(), 0xffffffffL);
        Cdb.put32(d, 8, max);
        Cdb.put32(d, 12, Math.min(s.optimalSectors() == 0 ? max : s.optimalSectors(), max));
        if (s.tpu()) {
            Cdb.put32(d, 20, s.maxUnmapLbaCount() == 0 ? 0xffffffffL : s.maxUnmapLbaCount());
            Cdb.put32(d, 24, s.maxUnmapBlockDescCount() == 0 ? 0xffffffffL : s.maxUnmapBlockDescCount());
            Cdb.put32(d, 28, s.unmapGranularity());
            if (s.unmapGranularityAlignment() != 0) {
                Cdb.put32(d, 32, 0x80000000L | s.unmapGranularityAlignment());
            }
        }
        Cdb.put64(d, 36, s.maxWriteSameLen());
        // SBC-4 6.6.4 atomic fields; no ATOMIC BOUNDARY support, so its two limits (56..63) stay 0.
        Cdb.put32(d, 44, s.maxAtomicTransferBlocks());
        Cdb.put32(d, 48, s.atomicAlignment());
        Cdb.put32(d, 52, s.atomicGranularity());
        return d;
    }

    /** 0xB1: MEDIUM ROTATION RATE 1 (non-rotating) when is_nonrot. */
    private static byte[] blockDeviceCharacteristics(DeviceSettings s) {
        byte[] body = new byte[0x3c];
        Cdb.put16(body, 0, s.nonRotational() ? 1 : 0);
        return page(0xb1, body);
    }

    /** 0xB2 Logical Block Provisioning: LBPU, LBPWS, LBPWS10, LBPRZ, provisioning type thin. */
    private static byte[] logicalBlockProvisioning(DeviceSettings s) {
        byte[] body = new byte[4];
        int flags = (s.tpu() ? 0x80 : 0) | (s.tpws() ? 0x60 : 0) | (s.thinProvisioned() ? 0x04 : 0);
        body[1] = (byte) flags;
        body[2] = (byte) (s.thinProvisioned() ? 0x02 : 0x00);
        return page(0xb2, body);
    }
}
