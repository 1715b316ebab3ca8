package io.glio.engine.iscsi.session;

import io.glio.engine.iscsi.login.LoginContext;
import io.glio.engine.iscsi.login.LoginException;
import io.glio.engine.iscsi.login.LoginTarget;
import io.glio.engine.scsi.NexusOpener;

import java.net.InetSocketAddress;

/** What a connection needs from the server that accepted it. */
public interface ConnectionServices {

    /**
     * Resolves a login's target on the portal that accepted the connection (see
     * {@link LoginContext#resolve}; the TSIH check is the connection's).
     */
    LoginTarget resolve(boolean discovery, String targetName, String initiatorName) throws LoginException;

    /**
     * The text of a SendTargets answer (RFC 7143 Appendix C), {@code key=value\0} pairs.
     *
     * @param value the SendTargets value: {@code All} or a target name
     * @param local the connection's local address (for wildcard portals)
     */
    byte[] sendTargets(String initiatorName, String value, InetSocketAddress local);

    NexusOpener nexusOpener();

    SessionRegistry sessions();

    ConnectionTimeouts timeouts();
}
