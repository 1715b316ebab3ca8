package io.glio.engine.runtime;

import io.glio.engine.backing.BackingStoreProvider;
import io.glio.engine.backing.StoreState;
import io.glio.engine.backing.glfs.GlfsBackingStoreProvider;
import io.glio.engine.iscsi.IscsiServer;
import io.glio.engine.iscsi.session.SessionInfo;
import io.glio.engine.model.StorageObject;
import io.glio.engine.model.TargetModel;
import io.glio.engine.nbd.NbdServer;

import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
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
    private final NbdServer nbd;

    private TargetEngine(DeviceRegistry devices, IscsiServer iscsi, NbdServer nbd) {
        this.devices = devices;
        this.iscsi = iscsi;
        this.nbd = nbd;
    }

    /** Opens every storage object of the model and listens on every enabled TPG's portals. */
    public static TargetEngine start(TargetModel model) {
        return start(model, null);
    }

    /**
     * As {@link #start(TargetModel)}, and serves the LUNs of every loopback target over NBD on
     * {@code <runDir>/loopback/<wwn>.sock} (none when {@code runDir} is null).
     */
    public static TargetEngine start(TargetModel model, Path runDir) {
        List<BackingStoreProvider> providers = new ArrayList<>(DeviceRegistry.localProviders());
        providers.add(new GlfsBackingStoreProvider());
        DeviceRegistry devices = new DeviceRegistry(model, providers);
        IscsiServer iscsi = new IscsiServer(model, devices);
        try {
            iscsi.start();
        } catch (RuntimeException e) {
            closeAll(iscsi, null, devices);
            throw e;
        }
        return new TargetEngine(devices, iscsi, runDir == null ? null : startNbd(model, runDir, devices));
    }

    /** The NBD server, or null when the run directory cannot be made: iSCSI serves on without it. */
    private static NbdServer startNbd(TargetModel model, Path runDir, DeviceRegistry devices) {
        NbdServer nbd = new NbdServer(model, runDir, devices::openLoopback);
        try {
            nbd.start();
            return nbd;
        } catch (IOException | RuntimeException e) {
            nbd.close();
            LoggerFactory.getLogger(TargetEngine.class).warn("loopback LUNs are not served over NBD: {}: {}",
                    runDir, e.toString());
            return null;
        }
    }

    private static void closeAll(IscsiServer iscsi, NbdServer nbd, DeviceRegistry devices) {
        try {
            iscsi.close();
            if (nbd != null) {
                nbd.close();
            }
        } finally {
            devices.close();
        }
    }

    /** The NBD socket of a loopback target ({@code ls}, {@code info}); empty while it is not served. */
    public Optional<Path> loopbackSocket(String targetWwn) {
        return nbd == null ? Optional.empty() : nbd.socket(targetWwn);
    }

    /** Where a storage object's store stands, for {@code ls}; empty for an object not served. */
    public Optional<StoreState> storeState(StorageObject so) {
        return devices.state(so);
    }

    /** How a LU shared through its gluster volume stands (identity, gateways), for {@code ls}/{@code info}. */
    public Optional<io.glio.engine.backing.glfs.meta.LuSharing> sharing(StorageObject so) {
        return devices.sharing(so);
    }

    /**
     * Makes {@code gateway} ({@code this}, {@code none} or a gateway id) the preferred gateway of
     * a LU shared through its gluster volume; completes once recorded on the volume.
     *
     * @throws io.glio.engine.model.InvalidValueException when the object is not shared or the id is no live gateway
     */
    public java.util.concurrent.CompletableFuture<io.glio.engine.backing.glfs.meta.AluaPreference> preferGateway(
            StorageObject so, String gateway) throws io.glio.engine.model.InvalidValueException {
        return devices.preferGateway(so, gateway);
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
        closeAll(iscsi, nbd, devices);
    }
}
