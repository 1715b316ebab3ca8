package io.glio.engine.scsi;

import java.util.Objects;

/**
 * One I_T nexus: an initiator port talking to a target port (SAM-5 4.6.3). Unit attentions,
 * reservations and task sets are kept per nexus.
 *
 * @param initiatorName        the initiator's iSCSI name, e.g. {@code iqn.1994-05.com.redhat:client}
 * @param initiatorPortName    SCSI initiator port name, {@code <name>,i,0x<isid 12 hex>} (RFC 7143 §10.1.1)
 * @param targetName           the target's iSCSI name
 * @param targetPortName       SCSI target port name, {@code <name>,t,0x<tpgt 4 hex>}
 * @param relativeTargetPortId the relative target port identifier reported in VPD 0x83 (LIO: the TPG tag)
 * @param tpgTag               the target portal group tag
 * @param sessionId            an id unique among live sessions, for logs and task-set bookkeeping
 */
public record ItNexus(String initiatorName, String initiatorPortName, String targetName,
                      String targetPortName, int relativeTargetPortId, int tpgTag, long sessionId) {
    public ItNexus {
        Objects.requireNonNull(initiatorName, "initiatorName");
        Objects.requireNonNull(initiatorPortName, "initiatorPortName");
        Objects.requireNonNull(targetName, "targetName");
        Objects.requireNonNull(targetPortName, "targetPortName");
    }
}
