package io.glio.engine.scsi.pr;

/**
 * A registered I_T nexus.
 *
 * @param nexusKey          initiator port + target port
 * @param initiatorPortName {@code <iqn>,i,0x<isid>} for the TransportID of READ FULL STATUS
 * @param relativeTargetPortId the target port it registered through
 */
public record Registrant(String nexusKey, long key, String initiatorPortName, int relativeTargetPortId) {
}
