package io.glio.engine.model;

import java.util.Objects;

/**
 * CHAP settings; an unset value is the empty string (the kernel stores {@code NULL}, rtslib
 * reads it back as empty). Mutual CHAP is in force when both mutual values are set, which is
 * the kernel's {@code authenticate_target}.
 */
public record ChapCredentials(String userid, String password, String mutualUserid,
                              String mutualPassword) {

    public static final ChapCredentials NONE = new ChapCredentials("", "", "", "");

    public ChapCredentials {
        Objects.requireNonNull(userid);
        Objects.requireNonNull(password);
        Objects.requireNonNull(mutualUserid);
        Objects.requireNonNull(mutualPassword);
    }

    public String get(AuthField field) {
        switch (field) {
            case USERID:
                return userid;
            case PASSWORD:
                return password;
            case MUTUAL_USERID:
                return mutualUserid;
            default:
                return mutualPassword;
        }
    }

    public ChapCredentials with(AuthField field, String value) {
        return new ChapCredentials(
                field == AuthField.USERID ? value : userid,
                field == AuthField.PASSWORD ? value : password,
                field == AuthField.MUTUAL_USERID ? value : mutualUserid,
                field == AuthField.MUTUAL_PASSWORD ? value : mutualPassword);
    }

    /** Whether the target authenticates itself to the initiator (mutual CHAP). */
    public boolean isMutual() {
        return !mutualUserid.isEmpty() && !mutualPassword.isEmpty();
    }

    /** Whether one-way CHAP credentials are complete. */
    public boolean hasCredentials() {
        return !userid.isEmpty() && !password.isEmpty();
    }

    public boolean isEmpty() {
        return userid.isEmpty() && password.isEmpty() && mutualUserid.isEmpty()
                && mutualPassword.isEmpty();
    }

    @Override
    public String toString() {
        // Never print secrets.
        return "ChapCredentials[userid=" + userid + ", mutualUserid=" + mutualUserid + "]";
    }
}
