package io.glio.engine.scsi;

/**
 * The SCSI layer as a transport sees it at login: it opens the SCSI side of a new I_T nexus.
 * Implemented by the SCSI layer (which resolves the LUNs the nexus may reach from the model,
 * live, so LUN map changes show up as REPORTED LUNS DATA HAS CHANGED); used by the iSCSI
 * transport once a normal session reaches full feature phase.
 */
@FunctionalInterface
public interface NexusOpener {

    /**
     * @param nexus the initiator port / target port pair of the new session
     * @return the executor for that nexus; the transport calls {@link ScsiTaskExecutor#nexusLost()}
     *         when the session ends
     */
    ScsiTaskExecutor open(ItNexus nexus);
}
