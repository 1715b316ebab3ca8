package io.glio.engine.scsi.command;

import io.glio.engine.scsi.AbstractOperation;
import io.glio.engine.scsi.Cdb;
import io.glio.engine.scsi.CommandContext;
import io.glio.engine.scsi.CompletedCopies;
import io.glio.engine.scsi.OperationInfo;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.pr.AccessKind;
import io.glio.engine.scsi.sense.InvalidFieldInCdb;
import io.glio.engine.scsi.sense.InvalidOpcode;
import io.glio.engine.scsi.sense.ScsiException;

import java.util.concurrent.CompletableFuture;

/**
 * RECEIVE COPY RESULTS (SPC-4 6.18, opcode 0x84) as LIO: only OPERATING PARAMETERS (service
 * action 0x03) with LIST IDENTIFIER 0; COPY STATUS, RECEIVE DATA and FAILED SEGMENT DETAILS are
 * INVALID FIELD IN CDB (EXTENDED COPY runs to completion before it answers, so there is nothing to
 * report), as is an allocation length below LIO's 54 bytes.
 * <pre>
 *  0..3  AVAILABLE DATA (42)           4 SNLID=1 (no list identifiers kept)
 *  8..9  MAXIMUM CSCD DESCRIPTOR COUNT (2)    10..11 MAXIMUM SEGMENT DESCRIPTOR COUNT (1)
 * 12..15 MAXIMUM DESCRIPTOR LIST LENGTH (1024) 16..19 MAXIMUM SEGMENT LENGTH (256 MiB)
 * 20..31 inline / held data / stream limits (0)  34..35 TOTAL CONCURRENT COPIES (1)
 *    36  MAXIMUM CONCURRENT COPIES (1)   37..39 DATA SEGMENT / INLINE / HELD GRANULARITY (log2 512)
 *    43  IMPLEMENTED DESCRIPTOR LIST LENGTH (2)  44..45 descriptor codes 0x02, 0xE4
 * </pre>
 */
public final class ReceiveCopyResults extends AbstractOperation {

    static final int COPY_STATUS = 0x00;
    static final int OPERATING_PARAMETERS = 0x03;
    /** LIO refuses shorter allocation lengths. */
    static final int MIN_ALLOCATION = 54;
    /** LIO's RCR_OP_MAX_SEGMENT_LEN. */
    static final long MAX_SEGMENT_BYTES = 256L << 20;
    private static final int LENGTH = 46;

    public ReceiveCopyResults() {
        super(OperationInfo.other(0x84, -1, "RECEIVE COPY RESULTS", AccessKind.READ, 0x1f, 0xff, 0x00, 0x00, 0x00,
                0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00));
    }

    @Override
    public CompletableFuture<ScsiCompletion> execute(CommandContext ctx) throws ScsiException {
        byte[] cdb = ctx.cdb();
        if (!ctx.settings().thirdPartyCopy()) {
            throw new InvalidOpcode();
        }
        long allocation = Cdb.u32(cdb, 10);
        if ((cdb[1] & 0x1f) == COPY_STATUS) {
            return copyStatus(ctx, cdb[2] & 0xff, allocation);
        }
        if (cdb[2] != 0) {
            throw new InvalidFieldInCdb(2);
        }
        if ((cdb[1] & 0x1f) != OPERATING_PARAMETERS) {
            throw new InvalidFieldInCdb(1, 4);
        }
        if (allocation < MIN_ALLOCATION) {
            throw new InvalidFieldInCdb(10);
        }
        return ctx.dataIn(operatingParameters(), LENGTH, allocation);
    }

    /**
     * COPY STATUS (SPC-3 6.18.2) of a copy this nexus finished under that list identifier: copies
     * run to the end before EXTENDED COPY completes, so the status is always "completed, no
     * errors"; a list identifier with no finished copy is INVALID FIELD IN CDB. Beyond LIO, which
     * keeps no list identifiers; libiscsi's ReceiveCopyResults.CopyStatus asks for it.
     */
    private static CompletableFuture<ScsiCompletion> copyStatus(CommandContext ctx, int listId, long allocation)
            throws ScsiException {
        CompletedCopies.Copy copy = ctx.unit().completedCopies().find(ctx.nexusKey(), listId)
                .orElseThrow(() -> new InvalidFieldInCdb(2));
        byte[] d = new byte[12];
        Cdb.put32(d, 0, 8);
        d[4] = 0x01; // HDD=0, COPY MANAGER STATUS: operation completed without errors
        Cdb.put16(d, 5, copy.segments());
        d[7] = (byte) 0xf1; // TRANSFER COUNT UNITS: kibibytes, so 32 bits cover any LU
        Cdb.put32(d, 8, (copy.bytes() + 1023) / 1024);
        return ctx.dataIn(d, d.length, allocation);
    }

    static byte[] operatingParameters() {
        byte[] d = new byte[LENGTH];
        Cdb.put32(d, 0, LENGTH - 4);
        d[4] = 0x01;
        Cdb.put16(d, 8, CopyParameterList.MAX_CSCD_DESCRIPTORS);
        Cdb.put16(d, 10, CopyParameterList.MAX_SEGMENT_DESCRIPTORS);
        Cdb.put32(d, 12, CopyParameterList.MAX_DESCRIPTOR_LIST_LENGTH);
        Cdb.put32(d, 16, MAX_SEGMENT_BYTES);
        Cdb.put16(d, 34, 1);
        d[36] = 1;
        d[37] = 9;
        d[38] = 9;
        d[39] = 9;
        d[43] = 2;
        d[44] = CopyParameterList.BLOCK_TO_BLOCK;
        d[45] = (byte) CopyParameterList.IDENTIFICATION_CSCD;
        return d;
    }
}
