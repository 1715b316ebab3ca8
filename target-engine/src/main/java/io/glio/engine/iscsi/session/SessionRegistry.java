package io.glio.engine.iscsi.session;

import io.glio.engine.iscsi.login.LoginOutcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live sessions of a server: TSIH allocation per TPG ({@code ++tpg->ntsih}, skipping 0, as
 * LIO) and session reinstatement (RFC 7143 §6.3.5: a new login with the ISID, initiator and
 * TPG of a live session replaces it). Safe for use from several event loops.
 */
public final class SessionRegistry {

    private record Key(String initiatorName, long isid, Object tpg, boolean discovery) {
    }

    private final Map<Key, Session> sessions = new LinkedHashMap<>();
    private final Map<Object, Integer> lastTsih = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /**
     * Registers the session of a completed login, closing the session it reinstates.
     *
     * @return the new session (not yet bound to a connection)
     */
    public Session register(LoginOutcome login) {
        Object tpgKey = tpgKey(login);
        Key key = new Key(login.initiatorName(), login.isid(), tpgKey, login.target().discovery());
        Session old;
        Session created;
        synchronized (this) {
            int tsih = nextTsih(tpgKey);
            long id = ids.incrementAndGet();
            created = new Session(id, tsih, login,
                    login.target().discovery() ? null : Session.nexusOf(login, id));
            old = sessions.put(key, created);
        }
        if (old != null) {
            old.close("reinstated by a new login with the same ISID");
        }
        return created;
    }

    private static Object tpgKey(LoginOutcome login) {
        return login.target().discovery() ? "discovery" : Objects.requireNonNull(login.target().tpg());
    }

    private int nextTsih(Object tpgKey) {
        int t = lastTsih.getOrDefault(tpgKey, 0);
        do {
            t = (t + 1) & 0xffff;
        } while (t == 0 || tsihInUse(tpgKey, t));
        lastTsih.put(tpgKey, t);
        return t;
    }

    private boolean tsihInUse(Object tpgKey, int tsih) {
        for (Map.Entry<Key, Session> e : sessions.entrySet()) {
            if (e.getKey().tpg().equals(tpgKey) && e.getValue().tsih() == tsih) {
                return true;
            }
        }
        return false;
    }

    /** Whether a session with this TSIH lives on {@code tpg} (a TPG, or null for discovery). */
    public synchronized boolean hasTsih(Object tpg, int tsih) {
        return tsihInUse(tpg == null ? "discovery" : tpg, tsih);
    }

    /** Forgets a session that ended (no-op when it was already replaced). */
    public synchronized void remove(Session session) {
        sessions.values().removeIf(s -> s == session);
    }

    public synchronized List<Session> all() {
        return new ArrayList<>(sessions.values());
    }
}
