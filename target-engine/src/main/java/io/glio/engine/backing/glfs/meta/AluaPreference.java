package io.glio.engine.backing.glfs.meta;

/**
 * A shared LU's ALUA setting as recorded on the volume ({@value LuMetaVolume#ALUA_XATTR}), the
 * same for every gateway: which gateway is preferred, and how the setting was last changed,
 * which REPORT TARGET PORT GROUPS reports as every group's STATUS CODE (SPC-4 6.36).
 *
 * @param preferredGateway the preferred gateway's id, empty for none (every group active/optimized)
 * @param status           {@link #NO_STATUS}, {@link #BY_STPG} or {@link #IMPLICIT}
 */
public record AluaPreference(String preferredGateway, int status) {

    /** STATUS CODE 00h: no change reported. */
    public static final int NO_STATUS = 0;
    /** STATUS CODE 01h: altered by SET TARGET PORT GROUPS. */
    public static final int BY_STPG = 1;
    /** STATUS CODE 02h: altered by an implicit transition (here: an admin's change). */
    public static final int IMPLICIT = 2;

    public static final AluaPreference NONE = new AluaPreference("", NO_STATUS);

    public AluaPreference {
        if (preferredGateway == null) {
            throw new IllegalArgumentException("LU metadata: preferred_gateway is null");
        }
        if (status < NO_STATUS || status > IMPLICIT) {
            throw new IllegalArgumentException("LU metadata: status " + status + " (expected: 0, 1 or 2)");
        }
    }

    public boolean hasPreferred() {
        return !preferredGateway.isEmpty();
    }
}
