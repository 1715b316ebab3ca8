package io.glio.engine.scsi;

import java.nio.ByteBuffer;

/**
 * A SCSI command whose data-out (if any) is complete, handed from the transport to the SCSI layer.
 *
 * <p>Buffers: {@code dataOut} holds the initiator's data between position and limit (the transport
 * keeps ownership and releases it after completion). {@code dataIn} is allocated by the transport
 * with capacity {@code expectedDataTransferLength} (or null for commands without read data); the
 * command writes from position 0 and reports how much it wrote in {@link ScsiCompletion#dataInLength()}.
 *
 * @param nexus                      who sends it
 * @param lun                        the LUN as a plain number (flat/peripheral addressing decoded by the transport)
 * @param taskTag                    initiator task tag
 * @param attribute                  task attribute
 * @param cdb                        the CDB (6..260 bytes)
 * @param expectedDataTransferLength the transport's expected transfer length for the command's direction
 * @param dataOut                    write data, or null
 * @param dataIn                     read data destination, or null
 */
public record ScsiCommand(ItNexus nexus, long lun, long taskTag, TaskAttribute attribute, byte[] cdb,
                          int expectedDataTransferLength, ByteBuffer dataOut, ByteBuffer dataIn) {

    public int opcode() {
        return cdb[0] & 0xff;
    }
}
