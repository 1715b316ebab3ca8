package io.glio.engine.scsi.command;

import io.glio.engine.scsi.CommandContext;
import io.glio.engine.scsi.sense.InvalidFieldInCdb;
import io.glio.engine.scsi.sense.ScsiException;

/** The checks every medium-access CDB goes through, in LIO's order (sbc_check_prot, sbc_check_dpofua, transfer length, range). */
final class BlockChecks {

    private BlockChecks() {
    }

    static void check(CommandContext ctx, BlockCdb b) throws ScsiException {
        checkFlags(ctx, b);
        if (b.blocks() > ctx.settings().maxTransferBlocks()) {
            // SBC-3 4.4: beyond MAXIMUM TRANSFER LENGTH of the Block Limits page (LIO checks it before the range)
            throw new InvalidFieldInCdb(transferLengthOffset(ctx.cdb()[0]));
        }
        ctx.checkRange(b.lba(), b.blocks());
    }

    /** Where TRANSFER LENGTH starts, for the sense-key specific field pointer (layouts in {@link BlockCdb}). */
    private static int transferLengthOffset(byte opcode) {
        return switch (BlockCdb.lengthOf(opcode)) {
            case 6 -> 4;
            case 12 -> 6;
            case 16 -> 10;
            default -> 7;
        };
    }

    /**
     * Whether a write must reach the medium before GOOD: FUA set, or the write cache disabled
     * (WCE=0 in the Caching mode page, SBC-3 6.4.5), in which case every write is one.
     */
    static boolean forcedToMedium(CommandContext ctx, BlockCdb b) {
        return b.fua() || !ctx.settings().writeCache();
    }

    /** xxPROTECT and DPO/FUA of byte 1. */
    static void checkFlags(CommandContext ctx, BlockCdb b) throws ScsiException {
        if (b.protect() != 0) {
            // no protection information on these devices (SBC-3 4.22.2: PROTECT=0 in INQUIRY)
            throw new InvalidFieldInCdb(1, 7);
        }
        if ((b.flags() & (BlockCdb.DPO | BlockCdb.FUA)) != 0 && !ctx.settings().dpoFua()) {
            throw new InvalidFieldInCdb(1, (b.flags() & BlockCdb.DPO) != 0 ? 4 : 3);
        }
    }
}
