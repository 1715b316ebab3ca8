package io.glio.engine.nbd;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The option haggling of the fixed newstyle handshake (proto.md "Option haggling"), fed the
 * events of an {@link NbdOptionDecoder}, answering through {@code out}. Supports GO, INFO,
 * EXPORT_NAME, LIST, STRUCTURED_REPLY, LIST/SET_META_CONTEXT (base:allocation) and ABORT;
 * any other option gets NBD_REP_ERR_UNSUP, malformed data NBD_REP_ERR_INVALID, and the
 * connection stays in the handshake for both.
 */
final class NbdHandshake {

    /**
     * How the handshake ended.
     *
     * @param export         the chosen export, null when the client aborted
     * @param structured     whether structured replies were negotiated
     * @param baseAllocation whether base:allocation was selected (SET_META_CONTEXT)
     */
    record Result(String export, boolean structured, boolean baseAllocation) {
        static final Result ABORTED = new Result(null, false, false);

        boolean aborted() {
            return export == null;
        }
    }

    private final NbdExports exports;
    private final Consumer<ByteBuffer> out;
    private boolean noZeroes;
    private boolean structured;
    private boolean baseAllocation;

    NbdHandshake(NbdExports exports, Consumer<ByteBuffer> out) {
        this.exports = exports;
        this.out = out;
    }

    /** Handles one event; returns the result once the handshake is over, else null. */
    Result onEvent(NbdOptionDecoder.Event event) throws NbdException {
        if (event instanceof NbdOptionDecoder.ClientFlags f) {
            noZeroes = (f.flags() & Nbd.FLAG_NO_ZEROES) != 0;
            return null;
        }
        NbdOptionDecoder.RawOption o = (NbdOptionDecoder.RawOption) event;
        try {
            return onOption(o.option(), o.data());
        } catch (InvalidOptionException e) {
            out.accept(NbdReplies.error(o.option(), Nbd.REP_ERR_INVALID, e.getMessage()));
            return null;
        }
    }

    private Result onOption(int option, ByteBuffer data) throws InvalidOptionException, NbdException {
        switch (option) {
            case Nbd.OPT_GO, Nbd.OPT_INFO -> {
                return go(option, GoOption.parse(option == Nbd.OPT_GO ? "NBD_OPT_GO" : "NBD_OPT_INFO", data));
            }
            case Nbd.OPT_EXPORT_NAME -> {
                return exportName(data);
            }
            case Nbd.OPT_LIST -> {
                EmptyOption.check("NBD_OPT_LIST", data);
                exports.names().forEach(n -> out.accept(NbdReplies.server(option, n)));
                out.accept(NbdReplies.ack(option));
            }
            case Nbd.OPT_STRUCTURED_REPLY -> {
                EmptyOption.check("NBD_OPT_STRUCTURED_REPLY", data);
                structured = true;
                out.accept(NbdReplies.ack(option));
            }
            case Nbd.OPT_LIST_META_CONTEXT, Nbd.OPT_SET_META_CONTEXT -> metaContext(option, data);
            case Nbd.OPT_ABORT -> {
                // proto.md: the server SHOULD reply with NBD_REP_ACK, whatever the data, then close
                out.accept(NbdReplies.ack(option));
                return Result.ABORTED;
            }
            default -> out.accept(NbdReplies.error(option, Nbd.REP_ERR_UNSUP, "option " + option
                    + " is not supported"));
        }
        return null;
    }

    private Result go(int option, GoOption go) {
        Optional<NbdExports.Info> info = exports.info(go.name());
        if (info.isEmpty()) {
            out.accept(NbdReplies.error(option, Nbd.REP_ERR_UNKNOWN, "no export " + go.name() + " (exports: "
                    + String.join(", ", exports.names()) + ")"));
            return null;
        }
        NbdExports.Info i = info.get();
        if (go.requests().contains(Nbd.INFO_NAME)) {
            out.accept(NbdReplies.infoName(option, go.name()));
        }
        // Always sent, asked or not: the block sizes come from the LU, and a client that knows them
        // aligns its requests and splits them at the maximum (proto.md "Block size constraints"),
        // which a LU with a small hw_max_sectors (user:glfs) would otherwise refuse.
        out.accept(NbdReplies.infoBlockSize(option, i.blockSize(), Math.max(i.blockSize(), 4096), i.maxPayload()));
        out.accept(NbdReplies.infoExport(option, i.size(), i.transmissionFlags()));
        out.accept(NbdReplies.ack(option));
        return option == Nbd.OPT_GO ? new Result(go.name(), structured, baseAllocation) : null;
    }

    private Result exportName(ByteBuffer data) throws NbdException {
        String name = java.nio.charset.StandardCharsets.UTF_8.decode(data.duplicate()).toString();
        // proto.md: NBD_OPT_EXPORT_NAME has no error reply; an unknown name closes the connection
        NbdExports.Info i = exports.info(name).orElseThrow(() -> new NbdException("NBD_OPT_EXPORT_NAME: no export "
                + name));
        out.accept(NbdReplies.exportName(i.size(), i.transmissionFlags(), noZeroes));
        return new Result(name, false, false);
    }

    private void metaContext(int option, ByteBuffer data) throws InvalidOptionException {
        boolean list = option == Nbd.OPT_LIST_META_CONTEXT;
        MetaContextOption m = MetaContextOption.parse(list ? "NBD_OPT_LIST_META_CONTEXT" : "NBD_OPT_SET_META_CONTEXT",
                data);
        if (!structured) {
            out.accept(NbdReplies.error(option, Nbd.REP_ERR_INVALID, "metadata contexts need NBD_OPT_STRUCTURED_REPLY"
                    + " first"));
            return;
        }
        if (exports.info(m.export()).isEmpty()) {
            out.accept(NbdReplies.error(option, Nbd.REP_ERR_UNKNOWN, "no export " + m.export()));
            return;
        }
        boolean selected = m.selectsBaseAllocation(list);
        if (!list) {
            baseAllocation = selected;
        }
        if (selected) {
            out.accept(NbdReplies.metaContext(option, Nbd.BASE_ALLOCATION_ID, Nbd.BASE_ALLOCATION));
        }
        out.accept(NbdReplies.ack(option));
    }
}
