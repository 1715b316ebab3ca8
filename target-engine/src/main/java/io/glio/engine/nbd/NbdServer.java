package io.glio.engine.nbd;

import io.glio.engine.model.Fabric;
import io.glio.engine.model.ModelEvent;
import io.glio.engine.model.ModelListener;
import io.glio.engine.model.TargetModel;
import io.glio.engine.model.TargetSnapshot;
import io.glio.engine.scsi.ItNexus;
import io.glio.engine.scsi.NexusSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The NBD side of the {@code /loopback} fabric: one {@link NbdListener} per loopback target on
 * {@code <run dir>/loopback/<target wwn>.sock}, following the model (a target created starts
 * serving, one deleted stops and its clients are disconnected). Model events only schedule the
 * work; binding and closing run on this server's own thread, never under the model's lock.
 */
public final class NbdServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NbdServer.class);

    private final TargetModel model;
    private final Path socketDir;
    private final Function<ItNexus, NexusSession> opener;
    private final Map<String, NbdListener> listeners = new ConcurrentHashMap<>();
    private final ExecutorService control = Executors.newSingleThreadExecutor(r -> NbdConnection.daemon(r,
            "nbd-control"));
    private final ModelListener listener = this::onEvent;

    /**
     * @param runDir the engine's run directory; sockets go to its {@code loopback} folder
     * @param opener opens the nexus of one connection ({@code DeviceRegistry::openLoopback})
     */
    public NbdServer(TargetModel model, Path runDir, Function<ItNexus, NexusSession> opener) {
        this.model = model;
        this.socketDir = runDir.resolve("loopback").toAbsolutePath();
        this.opener = opener;
    }

    /** Creates the socket folder (0700) and serves every loopback target of the model. */
    public void start() throws IOException {
        Files.createDirectories(socketDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                "rwx------")));
        model.addListener(listener);
        reconcile();
    }

    /** Where a loopback target is served, once its socket is bound. */
    public Optional<Path> socket(String targetWwn) {
        return Optional.ofNullable(listeners.get(targetWwn)).map(NbdListener::path);
    }

    /** The socket a loopback target gets (whether bound yet or not). */
    public Path socketPath(String targetWwn) {
        return socketDir.resolve(targetWwn + ".sock");
    }

    private void onEvent(ModelEvent event) {
        if (event instanceof ModelEvent.TargetAdded || event instanceof ModelEvent.TargetRemoved) {
            control.execute(this::reconcile);
        }
    }

    /** Binds the targets the model has and the server not, closes the ones the model lost. */
    private void reconcile() {
        Set<String> wanted = model.snapshot().targets(Fabric.LOOPBACK).stream().map(TargetSnapshot::wwn)
                .collect(Collectors.toSet());
        listeners.keySet().stream().filter(w -> !wanted.contains(w)).toList().forEach(w -> listeners.remove(w).close());
        for (String wwn : wanted) {
            if (!listeners.containsKey(wwn)) {
                try {
                    listeners.put(wwn, NbdListener.bind(socketPath(wwn), wwn, opener));
                } catch (IOException e) {
                    LOG.warn("loopback {}: cannot serve NBD on {}: {}", wwn, socketPath(wwn), e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        model.removeListener(listener);
        control.shutdown();
        try {
            control.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        listeners.values().forEach(NbdListener::close);
        listeners.clear();
    }
}
