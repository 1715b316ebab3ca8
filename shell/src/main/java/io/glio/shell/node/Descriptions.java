package io.glio.shell.node;

import io.glio.shell.ValueType;
import java.util.Locale;
import java.util.Map;

/**
 * The type and one-line description targetcli gives each kernel attribute and parameter
 * ({@code get attribute} lists them); a name it does not describe is a string with no text.
 */
final class Descriptions {

    /** Scope of a name: storage object, TPG attribute, TPG parameter, node ACL attribute. */
    enum Scope { SO, TPG, TPGPARAM, ACL }

    record Desc(ValueType type, String text) {
    }

    private static final Map<String, String> TEXTS = Map.ofEntries(
            Map.entry("so:block_size", "number|Block size of the underlying device."),
            Map.entry("so:control", "string|Comma separated string of control=value tuples that will be passed to kernel control file."),
            Map.entry("so:emulate_3pc", "number|If set to 1, enable Third Party Copy."),
            Map.entry("so:emulate_caw", "number|If set to 1, enable Compare and Write."),
            Map.entry("so:emulate_dpo", "number|If set to 1, turn on Disable Page Out."),
            Map.entry("so:emulate_fua_read", "number|If set to 1, enable Force Unit Access read."),
            Map.entry("so:emulate_fua_write", "number|If set to 1, enable Force Unit Access write."),
            Map.entry("so:emulate_model_alias", "number|If set to 1, use the backend device name for the model alias."),
            Map.entry("so:emulate_pr", "number|If set to 1, enable SCSI Reservations."),
            Map.entry("so:emulate_rest_reord", "number|If set to 0, the Queue Algorithm Modifier is Restricted Reordering."),
            Map.entry("so:emulate_tas", "number|If set to 1, enable Task Aborted Status."),
            Map.entry("so:emulate_tpu", "number|If set to 1, enable Thin Provisioning Unmap."),
            Map.entry("so:emulate_tpws", "number|If set to 1, enable Thin Provisioning Write Same."),
            Map.entry("so:emulate_ua_intlck_ctrl", "number|If set to 1, enable Unit Attention Interlock."),
            Map.entry("so:emulate_write_cache", "number|If set to 1, turn on Write Cache Enable."),
            Map.entry("so:enforce_pr_isids", "number|If set to 1, enforce persistent reservation ISIDs."),
            Map.entry("so:fabric_max_sectors", "number|Maximum number of sectors the fabric can transfer at once."),
            Map.entry("so:force_pr_aptpl", "number|If set to 1, force SPC-3 PR Activate Persistence across Target Power Loss operation."),
            Map.entry("so:hw_block_size", "number|Hardware block size in bytes."),
            Map.entry("so:hw_max_sectors", "number|Maximum number of sectors the hardware can transfer at once."),
            Map.entry("so:hw_pi_prot_type", "number|If non-zero, DIF protection is enabled on the underlying hardware."),
            Map.entry("so:hw_queue_depth", "number|Hardware queue depth."),
            Map.entry("so:is_nonrot", "number|If set to 1, the backstore is a non rotational device."),
            Map.entry("so:max_unmap_block_desc_count", "number|Maximum number of block descriptors for UNMAP."),
            Map.entry("so:max_unmap_lba_count", "number|Maximum number of LBA for UNMAP."),
            Map.entry("so:max_write_same_len", "number|Maximum length for WRITE_SAME."),
            Map.entry("so:optimal_sectors", "number|Optimal request size in sectors."),
            Map.entry("so:pi_prot_format", "number|DIF protection format."),
            Map.entry("so:pi_prot_type", "number|DIF protection type."),
            Map.entry("so:queue_depth", "number|Queue depth."),
            Map.entry("so:unmap_granularity", "number|UNMAP granularity."),
            Map.entry("so:unmap_granularity_alignment", "number|UNMAP granularity alignment."),
            Map.entry("so:unmap_zeroes_data", "number|If set to 1, zeroes are read back after an UNMAP."),
            Map.entry("tpg:authentication", "number|If set to 1, enforce authentication for this TPG."),
            Map.entry("tpg:cache_dynamic_acls", "number|If set to 1 in demo mode, cache dynamically generated ACLs."),
            Map.entry("tpg:default_cmdsn_depth", "number|Default CmdSN (Command Sequence Number) depth."),
            Map.entry("tpg:default_erl", "number|Default Error Recovery Level."),
            Map.entry("tpg:demo_mode_discovery", "number|If set to 1 in demo mode, enable discovery."),
            Map.entry("tpg:demo_mode_write_protect", "number|If set to 1 in demo mode, prevent writes to LUNs."),
            Map.entry("tpg:fabric_prot_type", "number|Fabric DIF protection type."),
            Map.entry("tpg:generate_node_acls", "number|If set to 1, allow all initiators to login (i.e. demo mode)."),
            Map.entry("tpg:login_timeout", "number|Login timeout value in seconds."),
            Map.entry("tpg:netif_timeout", "number|NIC failure timeout in seconds."),
            Map.entry("tpg:prod_mode_write_protect", "number|If set to 1, prevent writes to LUNs."),
            Map.entry("tpg:t10_pi", "number|If set to 1, enable T10 Protection Information."),
            Map.entry("tpg:tpg_enabled_sendtargets", "number|If set to 1, the SendTargets discovery response advertises the TPG only if the TPG is enabled."),
            Map.entry("tpgparam:AuthMethod", "string|Authentication method used by the TPG."),
            Map.entry("tpgparam:DataDigest", "string|If set to CRC32C, the integrity of the PDU data part is verified."),
            Map.entry("tpgparam:DataPDUInOrder", "yesno|If set to Yes, the data PDUs within sequences must be in order."),
            Map.entry("tpgparam:DataSequenceInOrder", "yesno|If set to Yes, the data sequences must be in order."),
            Map.entry("tpgparam:DefaultTime2Retain", "number|Maximum time, in seconds, after an initial wait, before which an active task reassignment is still possible after an unexpected connection termination or a connection reset."),
            Map.entry("tpgparam:DefaultTime2Wait", "number|Minimum time, in seconds, to wait before attempting an explicit/implicit logout or an active task reassignment after an unexpected connection termination or a connection reset."),
            Map.entry("tpgparam:ErrorRecoveryLevel", "number|Recovery levels represent a combination of recovery capabilities."),
            Map.entry("tpgparam:FirstBurstLength", "number|Maximum amount in bytes of unsolicited data an initiator may send."),
            Map.entry("tpgparam:HeaderDigest", "string|If set to CRC32C, the integrity of the PDU header part is verified."),
            Map.entry("tpgparam:IFMarkInt", "string|Deprecated according to RFC 7143."),
            Map.entry("tpgparam:IFMarker", "yesno|Deprecated according to RFC 7143."),
            Map.entry("tpgparam:ImmediateData", "string|Immediate data support."),
            Map.entry("tpgparam:InitialR2T", "yesno|If set to No, the default use of R2T (Ready To Transfer) is disabled."),
            Map.entry("tpgparam:MaxBurstLength", "number|Maximum SCSI data payload in bytes in a Data-In or a solicited Data-Out iSCSI sequence."),
            Map.entry("tpgparam:MaxConnections", "number|Maximum number of connections acceptable."),
            Map.entry("tpgparam:MaxOutstandingR2T", "number|Maximum number of outstanding R2Ts per task."),
            Map.entry("tpgparam:MaxRecvDataSegmentLength", "number|Maximum data segment length in bytes the target can receive in an iSCSI PDU."),
            Map.entry("tpgparam:MaxXmitDataSegmentLength", "number|Outgoing MaxRecvDataSegmentLength sent over the wire during iSCSI login response."),
            Map.entry("tpgparam:OFMarkInt", "string|Deprecated according to RFC 7143."),
            Map.entry("tpgparam:OFMarker", "yesno|Deprecated according to RFC 7143."),
            Map.entry("tpgparam:TargetAlias", "string|Human-readable target name or description."),
            Map.entry("acl:dataout_timeout", "number|Data-Out timeout in seconds before invoking recovery."),
            Map.entry("acl:dataout_timeout_retries", "number|Number of Data-Out timeout recovery attempts before failing a path."),
            Map.entry("acl:default_erl", "number|Default Error Recovery Level."),
            Map.entry("acl:nopin_response_timeout", "number|Nop-In response timeout in seconds."),
            Map.entry("acl:nopin_timeout", "number|Nop-In timeout in seconds."),
            Map.entry("acl:random_datain_pdu_offsets", "number|If set to 1, request random Data-In PDU offsets."),
            Map.entry("acl:random_datain_seq_offsets", "number|If set to 1, request random Data-In sequence offsets."),
            Map.entry("acl:random_r2t_offsets", "number|If set to 1, request random R2T (Ready To Transfer) offsets.")
    );

    private Descriptions() {
    }

    static Desc of(Scope scope, String name) {
        String v = TEXTS.get(scope.name().toLowerCase(Locale.ROOT) + ":" + name);
        if (v == null) {
            return new Desc(ValueType.STRING, "");
        }
        int bar = v.indexOf('|');
        return new Desc(ValueType.valueOf(v.substring(0, bar).toUpperCase(Locale.ROOT)), v.substring(bar + 1));
    }
}
