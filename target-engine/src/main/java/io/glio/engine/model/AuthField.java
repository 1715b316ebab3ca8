package io.glio.engine.model;

/** The four CHAP settings of a TPG, a node ACL or the iSCSI discovery session. */
public enum AuthField {
    USERID("userid"),
    PASSWORD("password"),
    MUTUAL_USERID("mutual_userid"),
    MUTUAL_PASSWORD("mutual_password");

    private final String rtslibName;

    AuthField(String rtslibName) {
        this.rtslibName = rtslibName;
    }

    /** Name in targetcli's {@code auth} group ({@code mutual_userid}); saveconfig prefixes {@code chap_}. */
    public String rtslibName() {
        return rtslibName;
    }

    /** Looks up a field by its {@code auth} group name. */
    public static java.util.Optional<AuthField> byName(String name) {
        for (AuthField f : values()) {
            if (f.rtslibName.equals(name)) {
                return java.util.Optional.of(f);
            }
        }
        return java.util.Optional.empty();
    }
}
