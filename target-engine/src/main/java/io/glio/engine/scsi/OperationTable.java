package io.glio.engine.scsi;

import io.glio.engine.scsi.command.CompareAndWrite;
import io.glio.engine.scsi.command.ExtendedCopy;
import io.glio.engine.scsi.command.GetLbaStatus;
import io.glio.engine.scsi.command.Inquiry;
import io.glio.engine.scsi.command.ModeSelect;
import io.glio.engine.scsi.command.ModeSense;
import io.glio.engine.scsi.command.OrWrite;
import io.glio.engine.scsi.command.PersistentReserveIn;
import io.glio.engine.scsi.command.PersistentReserveOut;
import io.glio.engine.scsi.command.PreFetch;
import io.glio.engine.scsi.command.PreventAllowMediumRemoval;
import io.glio.engine.scsi.command.Read;
import io.glio.engine.scsi.command.ReadCapacity10;
import io.glio.engine.scsi.command.ReadCapacity16;
import io.glio.engine.scsi.command.ReadDefectData;
import io.glio.engine.scsi.command.ReceiveCopyResults;
import io.glio.engine.scsi.command.Release;
import io.glio.engine.scsi.command.ReportLuns;
import io.glio.engine.scsi.command.ReportSupportedOperationCodes;
import io.glio.engine.scsi.command.ReportTargetPortGroups;
import io.glio.engine.scsi.command.SetTargetPortGroups;
import io.glio.engine.scsi.command.RequestSense;
import io.glio.engine.scsi.command.Reserve;
import io.glio.engine.scsi.command.StartStopUnit;
import io.glio.engine.scsi.command.SynchronizeCache;
import io.glio.engine.scsi.command.TestUnitReady;
import io.glio.engine.scsi.command.Unmap;
import io.glio.engine.scsi.command.Verify;
import io.glio.engine.scsi.command.Write;
import io.glio.engine.scsi.command.WriteAndVerify;
import io.glio.engine.scsi.command.WriteAtomic16;
import io.glio.engine.scsi.command.WriteSame;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every operation the disk emulation supports, by opcode and (for 0x9e, 0xa3) service action. */
public final class OperationTable {

    private static final Map<Integer, ScsiOperation> OPERATIONS = new TreeMap<>();

    static {
        for (ScsiOperation op : List.of(new TestUnitReady(), new RequestSense(), Read.read6(), Write.write6(),
                new Inquiry(), ModeSelect.modeSelect6(), Reserve.reserve6(), Release.release6(),
                ModeSense.modeSense6(), new StartStopUnit(), new PreventAllowMediumRemoval(), new ReadCapacity10(),
                Read.read10(), Write.write10(), WriteAndVerify.writeAndVerify10(), Verify.verify10(),
                PreFetch.preFetch10(), SynchronizeCache.synchronizeCache10(), ReadDefectData.readDefectData10(),
                WriteSame.writeSame10(), new Unmap(), ModeSelect.modeSelect10(), Reserve.reserve10(),
                Release.release10(), ModeSense.modeSense10(), new PersistentReserveIn(),
                new PersistentReserveOut(), new ExtendedCopy(), new ReceiveCopyResults(), Read.read16(), new CompareAndWrite(), Write.write16(), new OrWrite(),
                WriteAndVerify.writeAndVerify16(), Verify.verify16(), PreFetch.preFetch16(),
                SynchronizeCache.synchronizeCache16(), WriteSame.writeSame16(), new WriteAtomic16(), new ReadCapacity16(),
                new GetLbaStatus(), new ReportLuns(), new ReportTargetPortGroups(), new SetTargetPortGroups(),
                new ReportSupportedOperationCodes(), Read.read12(), Write.write12(),
                WriteAndVerify.writeAndVerify12(), Verify.verify12(), ReadDefectData.readDefectData12())) {
            OPERATIONS.put(key(op.info().opcode(), op.info().serviceAction()), op);
        }
    }

    private OperationTable() {
    }

    private static int key(int opcode, int serviceAction) {
        return (opcode << 8) | (serviceAction + 1);
    }

    private static boolean hasServiceActions(int opcode) {
        return opcode == 0x9e || opcode == 0xa3 || opcode == 0xa4;
    }

    /** The operation for a CDB, or null when the opcode (or service action) is not supported. */
    public static ScsiOperation find(byte[] cdb) {
        int opcode = cdb[0] & 0xff;
        int sa = hasServiceActions(opcode) ? cdb[1] & 0x1f : -1;
        return OPERATIONS.get(key(opcode, sa));
    }

    /** All operations in opcode order. */
    public static List<OperationInfo> operations() {
        return OPERATIONS.values().stream().map(ScsiOperation::info).toList();
    }

    /**
     * The operations offered to this command's nexus and LU, in opcode order (REPORT SUPPORTED
     * OPERATION CODES): all but SET TARGET PORT GROUPS, which only a shared LU offers.
     */
    public static List<OperationInfo> operations(CommandContext ctx) {
        return OPERATIONS.values().stream()
                .filter(op -> !(op instanceof SetTargetPortGroups) || SetTargetPortGroups.offered(ctx))
                .map(ScsiOperation::info).toList();
    }
}
