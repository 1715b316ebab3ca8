package io.glio.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What one initiator gets from one TPG, decided as LIO decides it at login
 * ({@code core_tpg_check_initiator_node_acl}): its node ACL's mapped LUNs, or, in demo mode
 * ({@code generate_node_acls=1}) for an initiator without an ACL, a dynamic ACL that maps every
 * TPG LUN at its own number. Read-only access: a mapped LUN's {@code write_protect} or the
 * TPG's {@code prod_mode_write_protect} for ACLs; {@code demo_mode_write_protect} for dynamic
 * ones. CHAP: required when the TPG's {@code authentication} attribute is 1, with the ACL's
 * credentials, or the TPG's for a dynamic ACL.
 *
 * <p>Resolved from a {@link TpgSnapshot} (an event loop reads {@link TargetModel#snapshot()}
 * and takes no lock); the result is immutable.
 */
public final class InitiatorAccess {

    /** A LUN as the initiator sees it. */
    public record InitiatorLun(int lun, TpgSnapshot.LunSnapshot tpgLun, boolean readOnly) {
    }

    private final TpgSnapshot.AclSnapshot acl;
    private final List<InitiatorLun> luns;
    private final boolean authenticationRequired;
    private final ChapCredentials credentials;

    private InitiatorAccess(TpgSnapshot.AclSnapshot acl, List<InitiatorLun> luns, boolean authenticationRequired,
                            ChapCredentials credentials) {
        this.acl = acl;
        this.luns = List.copyOf(luns);
        this.authenticationRequired = authenticationRequired;
        this.credentials = credentials;
    }

    /**
     * The access of {@code initiatorName} to {@code tpg}, or empty when it has none (no ACL and
     * the TPG is not in demo mode).
     */
    public static Optional<InitiatorAccess> resolve(TpgSnapshot tpg, String initiatorName) {
        String name = initiatorName.strip().toLowerCase(Locale.ROOT);
        TpgSnapshot.AclSnapshot acl = tpg.nodeAcl(name).orElse(null);
        boolean auth = tpg.authentication();
        if (acl != null) {
            boolean prodRo = tpg.prodModeWriteProtect();
            List<InitiatorLun> luns = new ArrayList<>();
            for (TpgSnapshot.MappedLunSnapshot m : acl.mappedLuns()) {
                luns.add(new InitiatorLun(m.index(), m.tpgLun(), m.writeProtect() || prodRo));
            }
            return Optional.of(new InitiatorAccess(acl, luns, auth, acl.chap()));
        }
        if (!tpg.generateNodeAcls()) {
            return Optional.empty();
        }
        boolean demoRo = tpg.demoModeWriteProtect();
        List<InitiatorLun> luns = new ArrayList<>();
        for (TpgSnapshot.LunSnapshot l : tpg.luns()) {
            luns.add(new InitiatorLun(l.index(), l, demoRo));
        }
        return Optional.of(new InitiatorAccess(null, luns, auth, tpg.chap()));
    }

    /** {@link #resolve(TpgSnapshot, String)} on the live TPG; call with the model's lock held. */
    public static Optional<InitiatorAccess> resolve(Tpg tpg, String initiatorName) {
        return resolve(TpgSnapshot.of(tpg), initiatorName);
    }

    /** The explicit node ACL, empty for a dynamic (demo-mode) one. */
    public Optional<NodeAcl> nodeAcl() {
        return Optional.ofNullable(acl).map(TpgSnapshot.AclSnapshot::acl);
    }

    public boolean dynamic() {
        return acl == null;
    }

    /** The initiator's LUNs in the ACL's (or TPG's) order. */
    public List<InitiatorLun> luns() {
        return luns;
    }

    public Optional<InitiatorLun> lun(int lun) {
        return luns.stream().filter(l -> l.lun() == lun).findFirst();
    }

    /** Whether the login must authenticate with CHAP. */
    public boolean authenticationRequired() {
        return authenticationRequired;
    }

    /** The CHAP credentials that apply (the ACL's, or the TPG's for a dynamic ACL). */
    public ChapCredentials credentials() {
        return credentials;
    }
}
