package io.glio.engine.iscsi.session;

import io.glio.engine.iscsi.login.LoginOutcome;
import io.glio.engine.model.Tpg;
import io.glio.engine.scsi.ItNexus;
import io.glio.engine.scsi.ScsiTaskExecutor;

import java.util.List;
import java.util.Locale;

/**
 * One iSCSI session (SSID = ISID + TPGT, RFC 7143 §10.1.1) with its single connection
 * (MaxConnections is 1) and, for a normal session, the SCSI side of its I_T nexus.
 */
public final class Session {

    private final long id;
    private final int tsih;
    private final LoginOutcome login;
    private final ItNexus nexus;
    private volatile ScsiTaskExecutor executor;
    private volatile IscsiConnection connection;

    Session(long id, int tsih, LoginOutcome login, ItNexus nexus) {
        this.id = id;
        this.tsih = tsih;
        this.login = login;
        this.nexus = nexus;
    }

    /** Builds the nexus of a normal session (RFC 7143 §10.1.1 port names). */
    public static ItNexus nexusOf(LoginOutcome login, long sessionId) {
        String target = login.target().targetName();
        int tag = login.target().tpgTag();
        return new ItNexus(login.initiatorName(),
                login.initiatorName() + ",i,0x" + isidHex(login.isid()), target,
                target + ",t,0x" + String.format(Locale.ROOT, "%04x", tag), tag, tag, sessionId);
    }

    public static String isidHex(long isid) {
        return String.format(Locale.ROOT, "%012x", isid & 0xffffffffffffL);
    }

    public long id() {
        return id;
    }

    public int tsih() {
        return tsih;
    }

    public long isid() {
        return login.isid();
    }

    public String initiatorName() {
        return login.initiatorName();
    }

    public boolean discovery() {
        return login.target().discovery();
    }

    /** The TPG of a normal session, null for discovery. */
    public Tpg tpg() {
        return login.target().tpg();
    }

    public LoginOutcome login() {
        return login;
    }

    public ItNexus nexus() {
        return nexus;
    }

    public ScsiTaskExecutor executor() {
        return executor;
    }

    void executor(ScsiTaskExecutor executor) {
        this.executor = executor;
    }

    public IscsiConnection connection() {
        return connection;
    }

    void connection(IscsiConnection connection) {
        this.connection = connection;
    }

    /** Drops the session: closes its connection (which ends the nexus). */
    public void close(String why) {
        IscsiConnection c = connection;
        if (c != null) {
            c.close(why);
        }
    }

    public SessionInfo info() {
        IscsiConnection c = connection;
        List<SessionInfo.ConnectionInfo> conns = c == null ? List.of() : List.of(c.info());
        return new SessionInfo(login.initiatorName(), discovery() ? "" : login.target().targetName(),
                login.target().tpgTag(), discovery() ? "Discovery" : "Normal", isidHex(login.isid()),
                tsih, conns, login.parameters().negotiated(), login.authenticated());
    }
}
