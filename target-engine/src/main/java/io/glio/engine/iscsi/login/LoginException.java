package io.glio.engine.iscsi.login;

/** A login that must end with a failure status; the message says why, for the log. */
public class LoginException extends Exception {

    private final LoginStatus status;

    public LoginException(LoginStatus status, String message) {
        super(message);
        this.status = status;
    }

    public LoginStatus status() {
        return status;
    }

    @Override
    public String getMessage() {
        return super.getMessage() + " (login status " + status.code() + " " + status + ")";
    }
}
