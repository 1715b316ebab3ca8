package io.glio.engine.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attribute and parameter files LIO's configfs offers, with the values a 6.x kernel
 * starts with (as the targetcli oracle's harness.py and real saveconfig.json files show them).
 * glio plays the kernel's part, so these tables decide what {@code get attribute} lists and what
 * a save writes for a freshly created object.
 */
final class KernelDefaults {

    /** Storage-object attributes every backstore has (values as for fileio). */
    private static final Map<String, String> SO_RW = ordered(
            "alua_support", "1", "block_size", "512", "emulate_3pc", "1", "emulate_caw", "1",
            "emulate_dpo", "1", "emulate_fua_read", "1", "emulate_fua_write", "1",
            "emulate_model_alias", "0", "emulate_pr", "1", "emulate_rest_reord", "0",
            "emulate_tas", "1", "emulate_tpu", "0", "emulate_tpws", "0",
            "emulate_ua_intlck_ctrl", "0", "emulate_write_cache", "0", "enforce_pr_isids", "1",
            "force_pr_aptpl", "0", "is_nonrot", "0", "max_unmap_block_desc_count", "1",
            "max_unmap_lba_count", "8192", "max_write_same_len", "4096",
            "optimal_sectors", "16384", "pgr_support", "1", "pi_prot_format", "0",
            "pi_prot_type", "0", "pi_prot_verify", "0", "queue_depth", "128",
            "unmap_granularity", "1", "unmap_granularity_alignment", "0",
            "unmap_zeroes_data", "0");

    private static final Map<String, String> SO_RO = ordered(
            "hw_block_size", "512", "hw_max_sectors", "16384", "hw_pi_prot_type", "0",
            "hw_queue_depth", "128");

    /** Storage-object attribute files of other kernel versions, accepted on restore. */
    private static final Set<String> SO_OTHER_KERNELS = Set.of(
            "emulate_rsoc", "submit_type", "fabric_max_sectors", "max_sectors", "emulate_caw",
            "complete_type", "max_unmap_lba_count", "emulate_tpu");

    private static final Map<String, String> ISCSI_TPG_ATTRIBUTES = ordered(
            "authentication", "1", "cache_dynamic_acls", "0", "default_cmdsn_depth", "64",
            "default_erl", "0", "demo_mode_discovery", "1", "demo_mode_write_protect", "1",
            "fabric_prot_type", "0", "generate_node_acls", "0", "login_keys_workaround", "1",
            "login_timeout", "15", "netif_timeout", "2", "prod_mode_write_protect", "0",
            "t10_pi", "0", "tpg_enabled_sendtargets", "1");

    private static final Map<String, String> ISCSI_TPG_PARAMETERS = ordered(
            "AuthMethod", "CHAP,None", "DataDigest", "CRC32C,None", "DataPDUInOrder", "Yes",
            "DataSequenceInOrder", "Yes", "DefaultTime2Retain", "20", "DefaultTime2Wait", "2",
            "ErrorRecoveryLevel", "0", "FirstBurstLength", "65536", "HeaderDigest", "CRC32C,None",
            "IFMarkInt", "Reject", "IFMarker", "No", "ImmediateData", "Yes", "InitialR2T", "Yes",
            "MaxBurstLength", "262144", "MaxConnections", "1", "MaxOutstandingR2T", "1",
            "MaxRecvDataSegmentLength", "8192", "MaxXmitDataSegmentLength", "262144",
            "OFMarkInt", "Reject", "OFMarker", "No", "TargetAlias", "LIO Target");

    /** iSER keys of newer kernels, accepted on restore. */
    private static final Set<String> ISCSI_TPG_PARAMETERS_OTHER = Set.of(
            "RDMAExtensions", "InitiatorRecvDataSegmentLength", "TargetRecvDataSegmentLength");

    private static final Map<String, String> ISCSI_ACL_ATTRIBUTES = ordered(
            "authentication", "-1", "dataout_timeout", "3", "dataout_timeout_retries", "5",
            "default_erl", "0", "nopin_response_timeout", "30", "nopin_timeout", "15",
            "random_datain_pdu_offsets", "0", "random_datain_seq_offsets", "0",
            "random_r2t_offsets", "0");

    private static final Map<String, String> NEXUS_TPG_ATTRIBUTES = ordered("fabric_prot_type", "0");

    /** Target-level parameters of newer kernels ({@code cmd_completion_affinity}). */
    private static final Set<String> TARGET_PARAMETERS = Set.of("cmd_completion_affinity");

    /** The 14 writable ALUA group parameters with the kernel's defaults, in rtslib's order. */
    static final Map<String, Long> ALUA_DEFAULTS = orderedLongs(
            "alua_access_state", 0, "alua_access_status", 0, "alua_write_metadata", 0,
            "alua_access_type", 3, "preferred", 0, "nonop_delay_msecs", 100,
            "trans_delay_msecs", 0, "implicit_trans_secs", 0, "alua_support_offline", 1,
            "alua_support_standby", 1, "alua_support_transitioning", 1,
            "alua_support_active_nonoptimized", 1, "alua_support_unavailable", 1,
            "alua_support_active_optimized", 1);

    /** Attributes whose value the kernel reads as a boolean (0 or 1). */
    private static final Set<String> BOOLEAN_ATTRIBUTES = Set.of(
            "emulate_3pc", "emulate_caw", "emulate_dpo", "emulate_fua_read", "emulate_fua_write",
            "emulate_model_alias", "emulate_pr", "emulate_rest_reord", "emulate_tas",
            "emulate_tpu", "emulate_tpws", "emulate_write_cache", "enforce_pr_isids",
            "force_pr_aptpl", "is_nonrot", "unmap_zeroes_data", "emulate_rsoc",
            "cache_dynamic_acls", "demo_mode_discovery", "demo_mode_write_protect",
            "generate_node_acls", "prod_mode_write_protect", "tpg_enabled_sendtargets",
            "login_keys_workaround", "t10_pi", "random_datain_pdu_offsets",
            "random_datain_seq_offsets", "random_r2t_offsets");

    private static final List<String> BLOCK_SIZES = List.of("512", "1024", "2048", "4096");

    private KernelDefaults() {
    }

    static Attributes storageObjectAttributes(Plugin plugin) {
        Map<String, String> rw = new LinkedHashMap<>(SO_RW);
        Map<String, String> ro = new LinkedHashMap<>(SO_RO);
        if (plugin == Plugin.RAMDISK) {
            rw.putAll(ordered("is_nonrot", "1", "max_unmap_block_desc_count", "0",
                    "max_unmap_lba_count", "0", "max_write_same_len", "0",
                    "optimal_sectors", "4294967288", "unmap_granularity", "0"));
            ro.put("hw_max_sectors", "4294967288");
        } else if (plugin == Plugin.USER) {
            rw.putAll(ordered("optimal_sectors", "128", "max_unmap_block_desc_count", "0",
                    "max_unmap_lba_count", "0", "max_write_same_len", "0",
                    "unmap_granularity", "0"));
            ro.put("hw_max_sectors", "128");
        }
        return new Attributes(rw, ro, knownStorageObjectAttributes());
    }

    static Set<String> knownStorageObjectAttributes() {
        java.util.HashSet<String> names = new java.util.HashSet<>(SO_RW.keySet());
        names.addAll(SO_OTHER_KERNELS);
        return names;
    }

    static Attributes tpgAttributes(Fabric fabric) {
        if (fabric == Fabric.ISCSI) {
            return new Attributes(ISCSI_TPG_ATTRIBUTES, Map.of(), ISCSI_TPG_ATTRIBUTES.keySet());
        }
        if (fabric.has(FabricFeature.NEXUS)) {
            return new Attributes(NEXUS_TPG_ATTRIBUTES, Map.of(), NEXUS_TPG_ATTRIBUTES.keySet());
        }
        return new Attributes(Map.of(), Map.of(), Set.of());
    }

    static Attributes tpgParameters(Fabric fabric) {
        if (fabric == Fabric.ISCSI) {
            java.util.HashSet<String> known = new java.util.HashSet<>(ISCSI_TPG_PARAMETERS.keySet());
            known.addAll(ISCSI_TPG_PARAMETERS_OTHER);
            return new Attributes(ISCSI_TPG_PARAMETERS, Map.of(), known);
        }
        return new Attributes(Map.of(), Map.of(), Set.of());
    }

    static Attributes nodeAclAttributes(Fabric fabric) {
        if (fabric == Fabric.ISCSI) {
            return new Attributes(ISCSI_ACL_ATTRIBUTES, Map.of(), ISCSI_ACL_ATTRIBUTES.keySet());
        }
        return new Attributes(Map.of(), Map.of(), Set.of());
    }

    static Attributes targetParameters(Fabric fabric) {
        return new Attributes(Map.of(), Map.of(), fabric == Fabric.ISCSI ? TARGET_PARAMETERS : Set.of());
    }

    /**
     * Checks an attribute value as the kernel's store function would, returning the value the
     * kernel would then show, or null when it refuses it (EINVAL).
     */
    static String acceptAttributeValue(String name, String value) {
        String v = value.strip();
        if (!v.matches("[+-]?[0-9]+")) {
            return null;
        }
        long parsed;
        try {
            parsed = Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
        } catch (NumberFormatException e) {
            return null;
        }
        boolean signed = name.equals("authentication") || name.equals("cmd_completion_affinity");
        if (parsed < (signed ? -1 : 0) || parsed > 0xffffffffL) {
            return null;
        }
        if (BOOLEAN_ATTRIBUTES.contains(name) && parsed > 1) {
            return null;
        }
        String canonical = Long.toString(parsed);
        if (name.equals("block_size") && !BLOCK_SIZES.contains(canonical)) {
            return null;
        }
        return canonical;
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Map<String, Long> orderedLongs(Object... kv) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Integer) kv[i + 1]).longValue());
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
