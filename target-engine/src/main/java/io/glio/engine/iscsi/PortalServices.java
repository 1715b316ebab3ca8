package io.glio.engine.iscsi;

import io.glio.engine.iscsi.login.LoginException;
import io.glio.engine.iscsi.login.LoginStatus;
import io.glio.engine.iscsi.login.LoginTarget;
import io.glio.engine.iscsi.login.TextKeys;
import io.glio.engine.iscsi.session.ConnectionServices;
import io.glio.engine.iscsi.session.ConnectionTimeouts;
import io.glio.engine.iscsi.session.SessionRegistry;
import io.glio.engine.model.DiscoveryAuth;
import io.glio.engine.model.Fabric;
import io.glio.engine.model.InitiatorAccess;
import io.glio.engine.model.ModelSnapshot;
import io.glio.engine.model.TargetModel;
import io.glio.engine.model.TargetSnapshot;
import io.glio.engine.model.TpgSnapshot;
import io.glio.engine.scsi.NexusOpener;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The model as the connections accepted on one portal see it: which TPG a login reaches, with
 * which access and CHAP credentials, and what SendTargets lists. Runs on event loops: reads the
 * model's published {@link ModelSnapshot}, never its lock.
 */
final class PortalServices implements ConnectionServices {

    /** Digests are negotiable in discovery sessions too (LIO's discovery TPG defaults). */
    private static final Map<String, String> DISCOVERY_PARAMETERS =
            Map.of("HeaderDigest", "CRC32C,None", "DataDigest", "CRC32C,None");

    private final TargetModel model;
    private final PortalAddress portal;
    private final NexusOpener opener;
    private final SessionRegistry sessions;
    private final ConnectionTimeouts timeouts;

    PortalServices(TargetModel model, PortalAddress portal, NexusOpener opener, SessionRegistry sessions,
                   ConnectionTimeouts timeouts) {
        this.model = model;
        this.portal = portal;
        this.opener = opener;
        this.sessions = sessions;
        this.timeouts = timeouts;
    }

    @Override
    public LoginTarget resolve(boolean discovery, String targetName, String initiatorName) throws LoginException {
        ModelSnapshot config = model.snapshot();
        if (discovery) {
            DiscoveryAuth auth = config.discoveryAuth();
            int tag = servingTpgs(config).stream().findFirst().map(TpgSnapshot::tag).orElse(1);
            return new LoginTarget(null, null, tag, auth.enabled(), auth.credentials(),
                    DISCOVERY_PARAMETERS::get, 1);
        }
        TargetSnapshot target = config.target(Fabric.ISCSI, targetName).orElseThrow(() ->
                new LoginException(LoginStatus.NOT_FOUND, "no iSCSI target " + targetName));
        TpgSnapshot tpg = target.tpgs().stream()
                .filter(t -> t.enabled() && t.hasPortal(portal.ip(), portal.port()))
                .findFirst().orElseThrow(() -> new LoginException(LoginStatus.NOT_FOUND,
                        "target " + targetName + " has no enabled TPG on portal " + portal));
        InitiatorAccess access = InitiatorAccess.resolve(tpg, initiatorName).orElseThrow(() ->
                new LoginException(LoginStatus.AUTHORIZATION_FAILURE, "initiator " + initiatorName
                        + " has no ACL on " + tpg + " and generate_node_acls is off"));
        long depth = tpg.defaultCmdsnDepth();
        return new LoginTarget(tpg.tpg(), target.wwn(), tpg.tag(), access.authenticationRequired(),
                access.credentials(), tpg.parameters()::get, (int) Math.max(1, Math.min(512, depth)));
    }

    /** Enabled TPGs with a portal at this address. */
    private List<TpgSnapshot> servingTpgs(ModelSnapshot config) {
        List<TpgSnapshot> out = new ArrayList<>();
        for (TargetSnapshot t : config.targets(Fabric.ISCSI)) {
            for (TpgSnapshot tpg : t.tpgs()) {
                if (tpg.enabled() && tpg.hasPortal(portal.ip(), portal.port())) {
                    out.add(tpg);
                }
            }
        }
        return out;
    }

    /**
     * SendTargets (RFC 7143 Appendix C; LIO {@code iscsit_build_sendtargets_response}): every
     * target with a TPG the initiator may see, and its portals as {@code ip:port,tag}; a wildcard
     * portal reports the connection's local address.
     */
    @Override
    public byte[] sendTargets(String initiatorName, String value, InetSocketAddress local) {
        List<TextKeys.Pair> pairs = new ArrayList<>();
        for (TargetSnapshot target : model.snapshot().targets(Fabric.ISCSI)) {
            if (!value.equals("All") && !target.wwn().equals(value.toLowerCase(Locale.ROOT))) {
                continue;
            }
            List<String> addresses = new ArrayList<>();
            for (TpgSnapshot tpg : target.tpgs()) {
                if (!tpg.enabled() && tpg.enabledSendTargetsOnly()) {
                    continue;
                }
                if (InitiatorAccess.resolve(tpg, initiatorName).isEmpty() && !tpg.demoModeDiscovery()) {
                    continue;
                }
                for (TpgSnapshot.PortalSnapshot p : tpg.portals()) {
                    addresses.add(host(PortalAddress.of(p), local) + ":" + p.port()
                            + "," + tpg.tag());
                }
            }
            if (!addresses.isEmpty()) {
                pairs.add(new TextKeys.Pair("TargetName", target.wwn()));
                addresses.forEach(a -> pairs.add(new TextKeys.Pair("TargetAddress", a)));
            }
        }
        return TextKeys.encode(pairs);
    }

    private static String host(PortalAddress p, InetSocketAddress local) {
        if (!p.wildcard()) {
            return p.ip();
        }
        InetAddress a = Optional.ofNullable(local).map(InetSocketAddress::getAddress).orElse(null);
        if (a == null) {
            return p.ip();
        }
        String h = a.getHostAddress();
        int zone = h.indexOf('%');
        if (zone >= 0) {
            h = h.substring(0, zone);
        }
        return h.contains(":") ? "[" + h + "]" : h;
    }

    @Override
    public NexusOpener nexusOpener() {
        return opener;
    }

    @Override
    public SessionRegistry sessions() {
        return sessions;
    }

    @Override
    public ConnectionTimeouts timeouts() {
        return timeouts;
    }
}
