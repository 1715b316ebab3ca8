package io.glio.saveconfig;

/**
 * CHAP credentials as rtslib stores them: {@code chap_userid}, {@code chap_password},
 * {@code chap_mutual_userid}, {@code chap_mutual_password} on a TPG or node ACL, and
 * {@code discovery_userid} … {@code discovery_mutual_password} on the iSCSI fabric module.
 *
 * <p>rtslib writes a key only when its value is non-empty; a {@code null} component here means
 * "key absent" and is not written.
 */
public record Chap(String userid, String password, String mutualUserid, String mutualPassword) {

    /** No credentials at all (none of the four keys present). */
    public static final Chap NONE = new Chap(null, null, null, null);

    /** One-way CHAP: the initiator authenticates to the target. */
    public static Chap oneWay(String userid, String password) {
        return new Chap(userid, password, null, null);
    }

    /** Mutual CHAP: both directions. */
    public static Chap mutual(String userid, String password, String mutualUserid, String mutualPassword) {
        return new Chap(userid, password, mutualUserid, mutualPassword);
    }

    /** True when none of the four keys is present. */
    public boolean isEmpty() {
        return userid == null && password == null && mutualUserid == null && mutualPassword == null;
    }
}
