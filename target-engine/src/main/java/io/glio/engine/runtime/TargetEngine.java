package io.glio.engine.runtime;

import io.glio.engine.backing.BackingStoreProvider;
import io.glio.engine.backing.StoreState;
import io.glio.engine.backing.glfs.GlfsBackingStoreProvider;
import io.glio.engine.iscsi.IscsiServer;
import io.glio.engine.iscsi.session.SessionInfo;
import io.glio.engine.model.StorageObject;
import io.glio.engine.model.TargetModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What serves a {@link TargetModel}: the devices (backing stores and logical units, following the
 * model's storage objects) and the iSCSI server (following its TPGs and portals). Start it once
 * the model is loaded; close it before the process ends (it closes listeners and sessions, then
 * the stores, so no store closes under a command in flight).
 */
public final class TargetEngine implements AutoCloseable {

    private final DeviceRegistry devices;
    private final IscsiServer iscsi;

    private TargetEngine(DeviceRegistry devices, IscsiServer iscsi) {
        this.devices = devices;
        this.iscsi = iscsi;
    }

    /** Opens every storage object of the model and listens on every enabled TPG's portals. */
    public static TargetEngine start(TargetModel model) {
        List<BackingStoreProvider> providers = new ArrayList<>(DeviceRegistry.localProviders());
        providers.add(new GlfsBackingStoreProvider());
        DeviceRegistry devices = new DeviceRegistry(model, providers);
        IscsiServer iscsi = new IscsiServer(model, devices);
        try {
            iscsi.start();
        } catch (RuntimeException e) {
            iscsi.close();
            devices.close();
            throw e;
        }
        return new TargetEngine(devices, iscsi);
    }

    /** Where a storage object's store stands, for {@code ls}; empty for an object not served. */
    public Optional<StoreState> storeState(StorageObject so) {
        return devices.state(so);
    }

    /** The live iSCSI sessions, for the shell's {@code sessions} command. */
    public List<SessionInfo> sessions() {
        return iscsi.sessions();
    }

    /** Portals that are bound now ({@code ip:port}). */
    public Set<String> listeningPortals() {
        return iscsi.listeningPortals();
    }

    /** Whether a portal's ip:port (configfs spelling) listens now, failed to, or neither. */
    public IscsiServer.PortalState portalState(String ipAddress, int port) {
        return iscsi.portalState(ipAddress, port);
    }

    /** Portals that could not be bound (port taken, address missing), with the reason. */
    public Set<String> failedPortals() {
        return iscsi.failedPortals();
    }

    @Override
    public void close() {
        try {
            iscsi.close();
        } finally {
            devices.close();
        }
    }
}
