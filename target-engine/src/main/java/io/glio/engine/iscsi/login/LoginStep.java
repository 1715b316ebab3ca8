package io.glio.engine.iscsi.login;

import io.glio.engine.iscsi.pdu.LoginResponse;

/**
 * The answer to one Login Request.
 *
 * @param response what to send
 * @param outcome  the successful login when the response moves to full feature phase, else null
 * @param failure  why the login failed (the connection closes after the response), else null
 */
public record LoginStep(LoginResponse response, LoginOutcome outcome, LoginException failure) {

    public boolean complete() {
        return outcome != null;
    }

    public boolean failed() {
        return failure != null;
    }
}
