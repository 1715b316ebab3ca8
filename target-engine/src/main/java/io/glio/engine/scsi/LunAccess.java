package io.glio.engine.scsi;

/**
 * One LUN as a nexus reaches it: the logical unit, whether this initiator may only read it
 * (mapped LUN {@code write_protect}, {@code prod_mode_write_protect}, demo-mode write
 * protect), and the target port group the TPG LUN belongs to (VPD 0x83, RTPG).
 *
 * @param targetPortGroup the ALUA group id, or -1 when the LUN has no group
 * @param aluaState       the group's asymmetric access state ({@link AluaAccess}), 0 without a group
 */
public record LunAccess(int lun, LogicalUnit unit, boolean readOnly, int targetPortGroup, int aluaState) {
}
