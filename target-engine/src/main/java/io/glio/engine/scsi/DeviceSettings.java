package io.glio.engine.scsi;

import io.glio.engine.model.Attributes;
import io.glio.engine.model.Plugin;
import io.glio.engine.model.StorageObject;

import java.util.Locale;

/**
 * What a logical unit reports and does, taken from the storage object's attributes (LIO's
 * {@code dev_attrib}) when the object appears or its attributes change. Immutable snapshot:
 * commands read one consistent set. {@code thirdPartyCopy} is {@code emulate_3pc}: INQUIRY 3PC,
 * EXTENDED COPY and RECEIVE COPY RESULTS, and being found as a copy target.
 */
public record DeviceSettings(int blockSize, boolean writeCache, boolean fuaWrite, boolean nonRotational,
                             boolean tpu, boolean tpws, boolean unmapZeroesData, long maxUnmapLbaCount,
                             long maxUnmapBlockDescCount, long unmapGranularity, long unmapGranularityAlignment,
                             long maxWriteSameLen, long optimalSectors, long maxTransferSectors, boolean caw,
                             boolean pr, boolean tas, boolean restrictedReordering, int uaInterlock,
                             boolean readOnly, String product, String revision, boolean userBacked,
                             String userConfig, boolean thirdPartyCopy) {

    /** Reads the object; call under the model's lock. */
    public static DeviceSettings of(StorageObject so) {
        Attributes a = so.attributes();
        boolean user = so.plugin() == Plugin.USER;
        return new DeviceSettings(so.blockSize(), so.writeBack() || user, flag(a, "emulate_fua_write", true),
                flag(a, "is_nonrot", false), flag(a, "emulate_tpu", false), flag(a, "emulate_tpws", false),
                flag(a, "unmap_zeroes_data", false), a.getLong("max_unmap_lba_count", 0),
                unmapDescriptorLimit(a), a.getLong("unmap_granularity", 0),
                a.getLong("unmap_granularity_alignment", 0), a.getLong("max_write_same_len", 0),
                a.getLong("optimal_sectors", 0), a.getLong("hw_max_sectors", 16384),
                flag(a, "emulate_caw", true), flag(a, "emulate_pr", true), flag(a, "emulate_tas", true),
                flag(a, "emulate_rest_reord", false), (int) a.getLong("emulate_ua_intlck_ctrl", 0),
                so.readonly(), product(so), user ? "0002" : "4.0", user, so.config().orElse(""),
                flag(a, "emulate_3pc", true));
    }

    /** Descriptors one UNMAP may carry when the attribute leaves it open (0). */
    static final long DEFAULT_UNMAP_DESCRIPTORS = 256;

    /**
     * {@code max_unmap_block_desc_count}, where 0 (ramdisk's and user objects' kernel default,
     * where LIO refuses UNMAP altogether) becomes 256 rather than "no limit": initiators size
     * descriptor lists from VPD 0xB0, and libiscsi 1.19's Unmap.ZeroBlocks builds an unbounded
     * count into a 16-bit list length and sends garbage.
     */
    private static long unmapDescriptorLimit(Attributes a) {
        long configured = a.getLong("max_unmap_block_desc_count", 0);
        return configured == 0 ? DEFAULT_UNMAP_DESCRIPTORS : configured;
    }

    /**
     * INQUIRY product identification as LIO shows it: the backend's {@code inquiry_prod}, or the
     * object's name when {@code emulate_model_alias=1} (targetcli turns it on at creation);
     * tcmu-runner hard-codes {@code TCMU device}.
     */
    static String product(StorageObject so) {
        if (so.plugin() == Plugin.USER) {
            return "TCMU device";
        }
        if (so.attributes().getLong("emulate_model_alias", 0) == 1) {
            String name = so.name();
            return name.length() > 16 ? name.substring(0, 16) : name;
        }
        return switch (so.plugin()) {
            case FILEIO -> "FILEIO";
            case BLOCK -> "IBLOCK";
            case RAMDISK -> "RAMDISK-MCP";
            default -> so.plugin().saveName().toUpperCase(Locale.ROOT);
        };
    }

    private static boolean flag(Attributes a, String name, boolean fallback) {
        return a.getLong(name, fallback ? 1 : 0) != 0;
    }

    /** FUA and DPO are advertised (MODE SENSE DPOFUA) and accepted on READ/WRITE when the write cache can be bypassed. */
    public boolean dpoFua() {
        return fuaWrite;
    }

    /** The most bytes one command moves through a heap or transport buffer here. */
    public static final long MAX_TRANSFER_BYTES = 1L << 30;

    /** MAXIMUM TRANSFER LENGTH in blocks (VPD 0xB0): hw_max_sectors, bounded by {@link #MAX_TRANSFER_BYTES}. */
    public long maxTransferBlocks() {
        return Math.min(maxTransferSectors, MAX_TRANSFER_BYTES / blockSize);
    }

    /**
     * Atomic writes go in whole, aligned 4 KiB units: the page of the page cache and of the file
     * systems under fileio files and gluster bricks, so an atomic unit never straddles two of
     * them. With 4 KiB logical blocks that is one block, i.e. no restriction. (LIO advertises no
     * atomic writes, so there is no LIO value to keep; with 512-byte blocks this also gives
     * libiscsi's WriteAtomic16.VPD an alignment and a granularity to check.)
     */
    static final int ATOMIC_UNIT_BYTES = 4096;

    /** WRITE ATOMIC(16)'s TRANSFER LENGTH is two bytes (SBC-4 5.48). */
    static final long WRITE_ATOMIC_16_MAX_BLOCKS = 0xffff;

    /**
     * MAXIMUM ATOMIC TRANSFER LENGTH (SBC-4 6.6.4): any transfer the LU takes at all (it never
     * exceeds MAXIMUM TRANSFER LENGTH, as SBC-4 requires), in whole granules, within what
     * WRITE ATOMIC(16) can ask for. 0 (no atomic writes) only if hw_max_sectors is below a granule.
     */
    public long maxAtomicTransferBlocks() {
        long max = Math.min(maxTransferBlocks(), WRITE_ATOMIC_16_MAX_BLOCKS);
        return max - max % atomicGranularity();
    }

    /** ATOMIC ALIGNMENT (SBC-4 6.6.4): an atomic write starts at a multiple of this many blocks. */
    public long atomicAlignment() {
        return Math.max(1, ATOMIC_UNIT_BYTES / blockSize);
    }

    /** ATOMIC TRANSFER LENGTH GRANULARITY (SBC-4 6.6.4): an atomic write is a multiple of this many blocks. */
    public long atomicGranularity() {
        return Math.max(1, ATOMIC_UNIT_BYTES / blockSize);
    }

    /** Thin provisioning (READ CAPACITY(16) LBPME). */
    public boolean thinProvisioned() {
        return tpu || tpws;
    }
}
