package io.glio.engine.iscsi.login;

/** What a login needs from the server: target lookup and session bookkeeping. */
public interface LoginContext {

    /**
     * Resolves the first Login Request of a connection.
     *
     * @param discovery     SessionType=Discovery
     * @param targetName    TargetName (null for discovery)
     * @param initiatorName InitiatorName, lower-cased
     * @param tsih          the TSIH the initiator gave (0 for a new session)
     * @throws LoginException NOT_FOUND for an unknown target, AUTHORIZATION_FAILURE when the
     *                        initiator has no access, SESSION_DOES_NOT_EXIST / TOO_MANY_CONNECTIONS
     *                        for a connection to add to a session
     */
    LoginTarget resolve(boolean discovery, String targetName, String initiatorName, int tsih)
            throws LoginException;

    /**
     * The login succeeded: reinstate or create the session.
     *
     * @return the TSIH of the session
     */
    int complete(LoginOutcome outcome) throws LoginException;
}
