package io.glio.shell;

import java.util.List;

/**
 * The open iSCSI sessions {@code sessions} lists, as an engine reports them. The default
 * {@link #NONE} stands for "no engine in this process".
 */
public interface SessionSource {

    /** One mapped LUN as a session sees it. */
    record MappedLunInfo(int mappedLun, String backstore, boolean writeProtect) {
    }

    /** One connection of a session. */
    record ConnectionInfo(String address, String transport, int cid, String state) {
    }

    /** One session, in the words targetcli's {@code sessions detail} prints. */
    record SessionInfo(int sid, String alias, String initiatorWwn, String type, String state,
                       boolean authenticated, List<MappedLunInfo> luns, List<ConnectionInfo> connections) {
    }

    /** Whether an engine is serving the configuration. */
    boolean serving();

    List<SessionInfo> sessions();

    SessionSource NONE = new SessionSource() {
        @Override
        public boolean serving() {
            return false;
        }

        @Override
        public List<SessionInfo> sessions() {
            return List.of();
        }
    };
}
