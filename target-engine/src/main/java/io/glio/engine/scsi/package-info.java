/**
 * SCSI disk emulation as LIO's target_core does it for fileio/iblock/rd_mcp (and tcmu-runner's
 * identity for user objects), behind the transport contract ({@link io.glio.engine.scsi.NexusOpener},
 * {@link io.glio.engine.scsi.ScsiTaskExecutor}, {@link io.glio.engine.scsi.ScsiCommand},
 * {@link io.glio.engine.scsi.ScsiCompletion}).
 *
 * <h2>Per command ({@link io.glio.engine.scsi.NexusSession})</h2>
 * LUN lookup in the nexus's live map (unmapped: LOGICAL UNIT NOT SUPPORTED, except REPORT LUNS,
 * INQUIRY with peripheral qualifier 011b, REQUEST SENSE); the LU's task set (SIMPLE concurrent,
 * ORDERED fenced, HEAD OF QUEUE at once; INQUIRY/REPORT LUNS/REQUEST SENSE run as head of queue);
 * unit attention; ALUA access state; opcode; NOT READY when the store is not ready; reservation
 * conflict (SPC-2 and persistent); write protect; then the operation (package
 * {@code scsi.command}, one class per operation, listed in {@link io.glio.engine.scsi.OperationTable}).
 *
 * <h2>Transfer lengths and residuals</h2>
 * {@link io.glio.engine.scsi.ScsiCompletion#transferLength()} is what the command moved or wanted
 * to move: for READ the CDB's byte count (even when the expected length was shorter: the data in
 * the buffer is cut to the buffer), for allocation-length commands (INQUIRY, MODE SENSE, ...) the
 * bytes produced cut to the allocation length. The transport reports
 * {@code expectedDataTransferLength - transferLength} as underflow (positive) or overflow
 * (negative). Write CDBs whose data-out differs from the CDB's size end in INVALID FIELD IN
 * COMMAND INFORMATION UNIT (0x0e/0x03), as LIO.
 *
 * <h2>Atomicity ({@link io.glio.engine.scsi.LbaRangeLocks})</h2>
 * Every medium read or write holds its LBA range shared while its I/O runs; COMPARE AND WRITE,
 * ORWRITE and WRITE ATOMIC hold theirs exclusively, so none of them interleaves with another
 * command on the same blocks. Ranges are per LU; commands on other blocks never wait.
 *
 * <h2>Conditions</h2>
 * One exception per condition in {@code scsi.sense}, turned into fixed-format sense data by
 * {@link io.glio.engine.scsi.sense.SenseData} only; backing-store failures map there too.
 */
package io.glio.engine.scsi;
