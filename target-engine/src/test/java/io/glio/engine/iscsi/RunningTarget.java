package io.glio.engine.iscsi;

import io.glio.engine.model.TargetModel;

/** A started {@link IscsiServer} over a test RAM disk (async completions), for tests with real initiators. */
final class RunningTarget implements AutoCloseable {

    final RamDiskScsi scsi;
    final IscsiServer server;

    RunningTarget(TargetModel model, int diskBytes) {
        scsi = new RamDiskScsi(diskBytes, true);
        server = new IscsiServer(model, scsi);
        server.start();
    }

    /** Stops the server; every nexus it opened has been told it was lost. */
    @Override
    public void close() {
        server.close();
        scsi.close();
        if (scsi.nexusLost.get() != scsi.opened.size()) {
            throw new AssertionError(scsi.opened.size() + " nexuses opened but " + scsi.nexusLost.get() + " lost");
        }
    }
}
