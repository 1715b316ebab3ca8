package io.glio.engine.model;

import java.util.List;
import java.util.Optional;

import static io.glio.engine.model.FabricFeature.ACLS;
import static io.glio.engine.model.FabricFeature.AUTH;
import static io.glio.engine.model.FabricFeature.CPUS_ALLOWED_LIST;
import static io.glio.engine.model.FabricFeature.DISCOVERY_AUTH;
import static io.glio.engine.model.FabricFeature.NEXUS;
import static io.glio.engine.model.FabricFeature.NPS;
import static io.glio.engine.model.FabricFeature.TPGTS;

/**
 * The fabric modules rtslib knows (fabric.py {@code fabric_modules}), in rtslib's order. glio
 * serves iscsi (and loopback as a local nexus); the others exist so that a saveconfig.json
 * written for FC or vhost targets restores and saves without losing anything.
 */
public enum Fabric {
    SRPT("srpt", "srpt", List.of(WwnType.IB), true, "ib_srpt", ACLS),
    ISCSI("iscsi", "iscsi", List.of(WwnType.IQN, WwnType.NAA, WwnType.EUI), false,
            "iscsi_target_mod", DISCOVERY_AUTH, ACLS, AUTH, NPS, TPGTS, CPUS_ALLOWED_LIST),
    LOOPBACK("loopback", "loopback", List.of(WwnType.NAA), false, "tcm_loop", NEXUS),
    QLA2XXX("qla2xxx", "qla2xxx", List.of(WwnType.NAA), true, "tcm_qla2xxx", ACLS),
    EFCT("efct", "efct", List.of(WwnType.NAA), true, "efct", ACLS),
    SBP("sbp", "sbp", List.of(WwnType.EUI), true, "sbp_target"),
    TCM_FC("tcm_fc", "fc", List.of(WwnType.NAA), true, "tcm_fc", ACLS),
    VHOST("vhost", "vhost", List.of(WwnType.NAA), false, "tcm_vhost", NEXUS, ACLS, TPGTS),
    XEN_PVSCSI("xen-pvscsi", "xen-pvscsi", List.of(WwnType.NAA), false, "xen-scsiback",
            NEXUS, TPGTS),
    IBMVSCSIS("ibmvscsis", "ibmvscsis", List.of(WwnType.FREE), true, "ibmvscsis");

    private final String rtslibName;
    private final String configfsDir;
    @SuppressWarnings("ImmutableEnumChecker") // an immutable copy (List.copyOf)
    private final List<WwnType> wwnTypes;
    private final boolean hardwareWwns;
    private final String kernelModule;
    @SuppressWarnings("ImmutableEnumChecker") // an immutable copy (List.of)
    private final List<FabricFeature> features;

    Fabric(String rtslibName, String configfsDir, List<WwnType> wwnTypes, boolean hardwareWwns,
           String kernelModule, FabricFeature... features) {
        this.rtslibName = rtslibName;
        this.configfsDir = configfsDir;
        this.wwnTypes = List.copyOf(wwnTypes);
        this.hardwareWwns = hardwareWwns;
        this.kernelModule = kernelModule;
        this.features = List.of(features);
    }

    /** Name as in saveconfig.json {@code fabric} and the shell path ({@code iscsi}, {@code xen-pvscsi}). */
    public String rtslibName() {
        return rtslibName;
    }

    /** Directory under the configfs target root ({@code fc} for tcm_fc). */
    public String configfsDir() {
        return configfsDir;
    }

    /** WWN types accepted, the first being the one generated. */
    public List<WwnType> wwnTypes() {
        return wwnTypes;
    }

    /**
     * Whether target WWNs come from local hardware (FC, IB, FireWire ports). Such fabrics cannot
     * generate a WWN and are listed by targetcli only when the hardware is present.
     */
    public boolean hardwareWwns() {
        return hardwareWwns;
    }

    /** Kernel module name shown by the fabric's {@code info}. */
    public String kernelModule() {
        return kernelModule;
    }

    /** Features in rtslib's declaration order (as {@code info} lists them). */
    public List<FabricFeature> features() {
        return features;
    }

    public boolean has(FabricFeature feature) {
        return features.contains(feature);
    }

    /** Whether a TPG of this fabric has an {@code enable} switch (LIO: iscsi only). */
    public boolean tpgHasEnable() {
        return this == ISCSI;
    }

    /** Converts a normalised WWN to the spelling this fabric uses as configfs directory name. */
    public String toFabricWwn(String wwn) {
        switch (this) {
            case QLA2XXX:
            case EFCT:
            case TCM_FC:
                return colonize(wwn.substring(4));
            case SBP:
                return wwn.substring(4);
            case SRPT:
                return "0x" + wwn.substring(3);
            default:
                return wwn;
        }
    }

    private static String colonize(String hex) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) {
                out.append(':');
            }
            out.append(hex, i, Math.min(i + 2, hex.length()));
        }
        return out.toString();
    }

    /** Looks a fabric up by its rtslib name ({@code iscsi}, {@code tcm_fc}, ...). */
    public static Optional<Fabric> byName(String name) {
        for (Fabric f : values()) {
            if (f.rtslibName.equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return rtslibName;
    }
}
