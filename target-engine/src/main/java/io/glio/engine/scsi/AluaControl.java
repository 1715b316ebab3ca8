package io.glio.engine.scsi;

import java.util.concurrent.CompletableFuture;

/**
 * Where SET TARGET PORT GROUPS sends a change of a shared LU's ALUA states: the gateway's
 * metadata task, which records it on the volume for every gateway. Called on the command's
 * thread; must not block (the future completes on the metadata thread).
 */
public interface AluaControl {

    /**
     * Makes the gateway that exports {@code groupId} the preferred one.
     *
     * @param requesterNexusKey the nexus that asked: SPC-4 5.15.2.5 raises ASYMMETRIC ACCESS
     *                          STATE CHANGED on every other nexus
     * @return completes once recorded; fails when the volume could not be reached
     */
    CompletableFuture<Void> prefer(int groupId, String requesterNexusKey);
}
