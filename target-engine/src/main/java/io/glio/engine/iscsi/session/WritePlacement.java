package io.glio.engine.iscsi.session;

import io.glio.engine.iscsi.login.SessionParameters;
import io.glio.engine.iscsi.pdu.Bhs;
import io.glio.engine.iscsi.pdu.Opcode;
import io.glio.engine.iscsi.pdu.PduParser;
import io.glio.engine.iscsi.pdu.RawPdu;
import io.glio.engine.iscsi.pdu.ScsiCommandRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.nio.ByteBuffer;

/**
 * {@link PduParser.DataPlacement} for a connection's write data: the data of a Data-Out its
 * command's {@link DataOutAssembly} accepts as it is is received straight into the command's
 * buffer at its offset, and the immediate data of a write command into a new Data-Out buffer of
 * EDTL bytes, owned here until {@link ScsiCommands} hands it to the command's task. Anything else
 * the parser buffers, for the PDU's handler to check and answer. The decisions are the handlers'
 * own rules ({@link DataOutAssembly#placementWindow}, {@link DataOutAssembly#commandFieldError},
 * {@link ScsiCommands#mayBuffer}), so data is placed exactly when its handler would take it.
 */
final class WritePlacement implements PduParser.DataPlacement {

    private final ScsiCommands commands;
    private final SessionParameters params;
    private final ByteBufAllocator alloc;
    /** The buffer range the parser is receiving the current PDU's data segment into, or null. */
    private ByteBuffer placedData;
    /** The buffer a SCSI Command's immediate data is being received into, or null. */
    private ByteBuf pendingDataOut;

    WritePlacement(ScsiCommands commands, SessionParameters params, ByteBufAllocator alloc) {
        this.commands = commands;
        this.params = params;
        this.alloc = alloc;
    }

    @Override
    public ByteBuffer place(byte[] bhs, int length) {
        placedData = null;
        release();
        if (!commands.accepting()) {
            return null;
        }
        Opcode op = Opcode.of(Bhs.opcodeByte(bhs));
        if (op == Opcode.SCSI_COMMAND) {
            return placeImmediateData(bhs, length);
        }
        if (op != Opcode.DATA_OUT) {
            return null;
        }
        int itt = Bhs.initiatorTaskTag(bhs);
        DataOutAssembly write = commands.writeOf(itt);
        if (write == null) {
            return null;
        }
        placedData = write.placementWindow(itt, Bhs.i32(bhs, 20), Bhs.i32(bhs, 36), Bhs.i32(bhs, 40), length);
        return placedData;
    }

    private ByteBuffer placeImmediateData(byte[] bhs, int length) {
        int flags = Bhs.flags(bhs);
        int edtl = Bhs.i32(bhs, 20);
        if (DataOutAssembly.commandFieldError((flags & ScsiCommandRequest.READ) != 0,
                (flags & ScsiCommandRequest.WRITE) != 0, (flags & Bhs.FINAL) != 0, edtl, length, params) != null
                || !commands.mayBuffer(Bhs.initiatorTaskTag(bhs), edtl & 0xffffffffL)) {
            return null;
        }
        ByteBuf buffer = alloc.buffer(edtl);
        if (buffer.nioBufferCount() != 1) {
            buffer.release();
            return null;
        }
        pendingDataOut = buffer;
        placedData = buffer.nioBuffer(0, length);
        return placedData;
    }

    /** Whether {@code pdu}'s data segment was received in place; the placement ends with it. */
    @SuppressWarnings("ReferenceEquality") // identity is the question: is it the very window we handed out?
    boolean placed(RawPdu pdu) {
        boolean inPlace = pdu.data() == placedData;
        placedData = null;
        return inPlace;
    }

    /**
     * The buffer holding {@code pdu}'s immediate data if it was received in place, else null;
     * the caller owns it from now on.
     */
    ByteBuf takeCommandBuffer(RawPdu pdu) {
        ByteBuf buffer = null;
        if (placed(pdu) && pendingDataOut != null) {
            buffer = pendingDataOut;
            pendingDataOut = null;
        }
        return buffer;
    }

    /** Releases an immediate-data buffer no command took (the connection ended, or a digest error). */
    void release() {
        if (pendingDataOut != null) {
            pendingDataOut.release();
            pendingDataOut = null;
        }
    }
}
