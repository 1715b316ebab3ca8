package io.glio.engine.iscsi.session;

import io.glio.engine.iscsi.login.LoginContext;
import io.glio.engine.iscsi.login.LoginException;
import io.glio.engine.iscsi.login.LoginNegotiator;
import io.glio.engine.iscsi.login.LoginOutcome;
import io.glio.engine.iscsi.login.LoginStatus;
import io.glio.engine.iscsi.login.LoginStep;
import io.glio.engine.iscsi.login.LoginTarget;
import io.glio.engine.iscsi.login.SessionParameters;
import io.glio.engine.iscsi.pdu.Bhs;
import io.glio.engine.iscsi.pdu.LoginRequest;
import io.glio.engine.iscsi.pdu.Opcode;
import io.glio.engine.iscsi.pdu.PduFramingException;
import io.glio.engine.iscsi.pdu.PduParser;
import io.glio.engine.iscsi.pdu.RawPdu;
import io.glio.engine.iscsi.pdu.RejectReason;
import io.glio.engine.scsi.ScsiTaskExecutor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.MaxMessagesRecvByteBufAllocator;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One iSCSI connection on a Netty channel: frames PDUs with a {@link PduParser}, runs the
 * login ({@link LoginNegotiator}) and then the full feature phase of its session (RFC 7143 §4),
 * handing each PDU to its handler: {@link ScsiCommands} (SCSI Command, Data-Out, with
 * {@link DataOutAssembly} and {@link WritePlacement}), {@link NopHandler},
 * {@link TaskManagementHandler}, {@link TextHandler} and {@link LogoutHandler}; what they send
 * goes through {@link ConnectionOutput}. Everything runs on the channel's event loop; SCSI
 * completions hop back onto it.
 */
public final class IscsiConnection extends ByteToMessageDecoder implements LoginContext {

    private static final Logger log = LoggerFactory.getLogger(IscsiConnection.class);

    /**
     * Largest Expected Data Transfer Length buffered for one command: 64 MiB, so a 65536-block
     * WRITE of 512-byte blocks (libiscsi's WRITE SAME unmap tests write and read that much at
     * once) fits.
     */
    public static final int MAX_TRANSFER_LENGTH = 64 * 1024 * 1024;
    /**
     * Data buffered for one connection's commands at most; a command beyond it is answered TASK
     * SET FULL (SAM-5 5.3) so that a deep window of large commands cannot exhaust memory. Twice
     * the largest command, so one of those never waits alone.
     */
    public static final long CONNECTION_BUFFER_BUDGET = 2L * MAX_TRANSFER_LENGTH;

    private enum Phase { LOGIN, FULL_FEATURE, CLOSED }

    private final ConnectionServices services;
    private final PduParser parser = new PduParser();
    private final LoginNegotiator login;
    private ChannelHandlerContext ctx;
    private Phase phase = Phase.LOGIN;
    private boolean cleanedUp;

    private ConnectionOutput out;
    private Session session;
    private int cid;
    private ScsiCommands commands;
    private NopHandler nop;
    private TaskManagementHandler taskManagement;
    private TextHandler text;
    private LogoutHandler logout;

    private long lastReadNanos = System.nanoTime();
    private ScheduledFuture<?> loginTimer;
    private ScheduledFuture<?> pingTimer;

    public IscsiConnection(ConnectionServices services, SecureRandom random) {
        this.services = services;
        this.login = new LoginNegotiator(this, random);
    }

    /** The session once login completed, else null. */
    public Session session() {
        return session;
    }

    // ---------------------------------------------------------------- Netty edge

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.out = new ConnectionOutput(ctx, this);
        ChannelConfig config = ctx.channel().config();
        if (config.getRecvByteBufAllocator() instanceof MaxMessagesRecvByteBufAllocator reads) {
            config.setRecvByteBufAllocator(new InPlaceReceiveAllocator(reads, this::receiveWindow));
        }
    }

    /** Where the channel may read the next bytes in place: the rest of a placed data segment, or null. */
    private ByteBuffer receiveWindow() {
        return phase == Phase.FULL_FEATURE ? parser.placedWindow() : null;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (!(msg instanceof InPlaceReceiveAllocator.ReceivedInPlace received)) {
            super.channelRead(ctx, msg);
            return;
        }
        try {
            if (phase != Phase.CLOSED) {
                int n = received.readableBytes();
                receive(() -> parser.receivedInPlace(n), () -> null);
            }
        } finally {
            received.release();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        long ms = services.timeouts().login().toMillis();
        loginTimer = ctx.executor().schedule(() -> {
            if (phase == Phase.LOGIN) {
                close("login not completed within " + ms + " ms");
            }
        }, ms, TimeUnit.MILLISECONDS);
        super.channelActive(ctx);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> decoded) {
        if (phase == Phase.CLOSED) {
            in.skipBytes(in.readableBytes());
            return;
        }
        ByteBuffer bytes = in.nioBuffer();
        int start = bytes.position();
        try {
            receive(() -> parser.parse(bytes), () -> parser.parse(bytes));
        } finally {
            in.skipBytes(bytes.position() - start);
        }
        if (phase == Phase.CLOSED) {
            in.skipBytes(in.readableBytes());
        }
    }

    /** One step of the parser over what was received: the next complete PDU, or null. */
    @FunctionalInterface
    private interface Framing {
        RawPdu next() throws PduFramingException;
    }

    /**
     * Handles the PDU {@code first} completes, then those {@code more} completes until null or
     * the connection closes; framing errors end the connection. Not called once closed.
     */
    private void receive(Framing first, Framing more) {
        try {
            RawPdu pdu = first.next();
            while (pdu != null) {
                lastReadNanos = System.nanoTime();
                onPdu(pdu);
                pdu = phase != Phase.CLOSED ? more.next() : null;
            }
        } catch (PduFramingException e) {
            log.info("{}: {}", this, e.getMessage());
            if (phase == Phase.FULL_FEATURE) {
                out.reject(RejectReason.PROTOCOL_ERROR, e.bhs());
            }
            closeAfterFlush(e.getMessage());
        } catch (RuntimeException e) {
            log.error("{}: internal error, dropping the connection", this, e);
            closeAfterFlush("internal error: " + e);
            // A bug, not bad input: let the pipeline (and tests) see it.
            ctx.fireExceptionCaught(e);
        } finally {
            ctx.flush();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cleanup();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.info("{}: connection error: {}", this, cause.toString());
        close("connection error: " + cause);
    }

    /** Closes the connection from any thread; its session ends with it. */
    public void close(String why) {
        if (ctx == null) {
            return;
        }
        if (!ctx.executor().inEventLoop()) {
            try {
                ctx.executor().execute(() -> close(why));
            } catch (RejectedExecutionException e) {
                ctx.channel().close();
            }
            return;
        }
        if (phase != Phase.CLOSED) {
            log.debug("{}: closing: {}", this, why);
            phase = Phase.CLOSED;
        }
        ctx.flush();
        ctx.close();
    }

    /** Closes the connection once what was written so far has been sent. */
    void closeAfterFlush(String why) {
        if (phase != Phase.CLOSED) {
            log.debug("{}: closing: {}", this, why);
            phase = Phase.CLOSED;
        }
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    private void cleanup() {
        if (cleanedUp) {
            return;
        }
        cleanedUp = true;
        phase = Phase.CLOSED;
        cancel(loginTimer);
        cancel(pingTimer);
        if (commands != null) {
            commands.closed();
        }
        if (session != null) {
            services.sessions().remove(session);
            ScsiTaskExecutor executor = session.executor();
            if (executor != null) {
                try {
                    executor.nexusLost();
                } catch (RuntimeException e) {
                    log.warn("{}: nexusLost failed", this, e);
                }
            }
            log.debug("{}: session ended", this);
        }
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }

    /** Whether the connection is in its full feature phase (not yet closed). */
    boolean fullFeature() {
        return phase == Phase.FULL_FEATURE;
    }

    /** Names the connection in log lines: its peer and initiator. */
    @Override
    public String toString() {
        String who = session != null ? session.initiatorName() + " isid " + Session.isidHex(session.isid())
                : login.initiatorName() != null ? login.initiatorName() : "login";
        return "iSCSI " + (ctx == null ? "?" : String.valueOf(ctx.channel().remoteAddress())) + " " + who;
    }

    public SessionInfo.ConnectionInfo info() {
        return SessionInfo.ConnectionInfo.of(cid, ctx.channel().localAddress(), ctx.channel().remoteAddress());
    }

    // ---------------------------------------------------------------- login

    private void onPdu(RawPdu pdu) {
        if (phase == Phase.LOGIN) {
            onLoginPdu(pdu);
        } else if (phase == Phase.FULL_FEATURE) {
            onFullFeaturePdu(pdu);
        }
    }

    private void onLoginPdu(RawPdu pdu) {
        if (pdu.opcode() != Opcode.LOGIN_REQUEST) {
            closeAfterFlush("opcode 0x" + Integer.toHexString(Bhs.opcodeByte(pdu.bhs())) + " during login");
            return;
        }
        LoginStep step = login.handle(LoginRequest.decode(pdu));
        out.send(step.response().encode());
        if (step.failed()) {
            log.info("{}: login failed: {}", this, step.failure().getMessage());
            closeAfterFlush("login failed");
            return;
        }
        if (step.complete()) {
            enterFullFeaturePhase(step.outcome());
        }
        ctx.flush();
    }

    @Override
    public LoginTarget resolve(boolean discovery, String targetName, String initiatorName, int tsih)
            throws LoginException {
        LoginTarget target = services.resolve(discovery, targetName, initiatorName);
        if (tsih != 0) {
            // Only one connection per session (MaxConnections=1).
            if (services.sessions().hasTsih(target.tpg(), tsih)) {
                throw new LoginException(LoginStatus.TOO_MANY_CONNECTIONS,
                        "TSIH " + tsih + " already has its one connection");
            }
            throw new LoginException(LoginStatus.SESSION_DOES_NOT_EXIST, "no session with TSIH " + tsih);
        }
        return target;
    }

    @Override
    public int complete(LoginOutcome outcome) throws LoginException {
        Session s = services.sessions().register(outcome);
        s.connection(this);
        if (!outcome.target().discovery()) {
            try {
                s.executor(services.nexusOpener().open(s.nexus()));
            } catch (RuntimeException e) {
                services.sessions().remove(s);
                log.error("{}: opening the SCSI nexus failed", this, e);
                throw new LoginException(LoginStatus.TARGET_ERROR, "SCSI nexus could not be opened: " + e);
            }
        }
        session = s;
        return s.tsih();
    }

    private void enterFullFeaturePhase(LoginOutcome outcome) {
        SessionParameters params = outcome.parameters();
        cid = outcome.cid();
        // RFC 7143 §6.3: digests start with the first PDU after the final Login Response.
        out.fullFeature(outcome.statSn(), new CommandWindow(outcome.expCmdSn(), outcome.target().commandWindow()),
                params.headerDigest(), params.dataDigest());
        commands = new ScsiCommands(this, out, ctx, session, params);
        nop = new NopHandler(this, out, params, services);
        taskManagement = new TaskManagementHandler(this, out, commands, session);
        SocketAddress local = ctx.channel().localAddress();
        text = new TextHandler(out, services, session, params, local instanceof InetSocketAddress i ? i : null);
        logout = new LogoutHandler(this, out, params, cid);
        parser.maxDataSegmentLength(params.targetMaxRecvDataSegment());
        parser.digests(params.headerDigest(), params.dataDigest());
        parser.placement(commands.placement());
        phase = Phase.FULL_FEATURE;
        cancel(loginTimer);
        log.info("{}: {} session TSIH {} in full feature phase ({}, HeaderDigest={}, DataDigest={})", this,
                session.discovery() ? "discovery" : "normal", session.tsih(),
                session.discovery() ? "discovery" : session.nexus().targetPortName(),
                params.negotiated().get("HeaderDigest"), params.negotiated().get("DataDigest"));
        if (!session.discovery()) {
            long interval = services.timeouts().nopInInterval().toMillis();
            long tick = Math.max(10, Math.min(1000, interval / 3));
            pingTimer = ctx.executor().scheduleAtFixedRate(() -> nop.tick(lastReadNanos), tick, tick,
                    TimeUnit.MILLISECONDS);
        }
    }

    // ---------------------------------------------------------------- full feature phase

    private void onFullFeaturePdu(RawPdu pdu) {
        if (!pdu.dataDigestOk()) {
            out.reject(RejectReason.DATA_DIGEST_ERROR, pdu.bhs());
            return;
        }
        Opcode op = pdu.opcode();
        if (op == null) {
            out.reject(RejectReason.COMMAND_NOT_SUPPORTED, pdu.bhs());
            return;
        }
        switch (op) {
            case NOP_OUT -> nop.handle(pdu);
            case SCSI_COMMAND -> commands.onScsiCommand(pdu);
            case TASK_MANAGEMENT_REQUEST -> taskManagement.handle(pdu);
            case TEXT_REQUEST -> text.handle(pdu);
            case DATA_OUT -> commands.onDataOut(pdu);
            case LOGOUT_REQUEST -> logout.handle(pdu);
            // SNACK needs ErrorRecoveryLevel > 0 (RFC 7143 §11.16); a new login in FFP is an error.
            default -> out.reject(RejectReason.PROTOCOL_ERROR, pdu.bhs());
        }
        ctx.flush();
    }
}
