package io.glio.shell.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.glio.engine.backing.StoreState;
import io.glio.engine.model.DeviceProbe;
import io.glio.engine.model.ModelEnvironment;
import io.glio.engine.model.StorageObject;
import io.glio.engine.model.TargetModel;
import io.glio.shell.EngineAttacher;
import io.glio.engine.model.Fabric;
import io.glio.engine.model.Target;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The served engine hands the shell its stores' states, which the model never holds. */
class ServedEngineTest {

    private final TargetModel model = new TargetModel(
            new ModelEnvironment("gw1.example.com", "x86_64", UUID::randomUUID, DeviceProbe.system()));

    @Test
    void storeStatesComeFromTheEngineNotTheModel() throws InterruptedException {
        try (EngineAttacher.Attached engine = new ServedEngine().attach(model, null)) {
            StorageObject ram = model.createRamdisk("rd1", 1 << 20, false, null);
            StorageObject glfs = model.createUser("far", 1 << 20,
                    "glfs/vol@glio-no-such-host.invalid/disk.img", null, null, null);

            assertThat(awaitSettled(engine, ram)).hasValue(StoreState.CONNECTED_STATE);
            Optional<StoreState> far = awaitSettled(engine, glfs);
            assertThat(far).isPresent();
            assertThat(far.get().isReady()).isFalse();
            assertThat(far.get().description()).startsWith("not ");
            assertThat(glfs.runtimeStatus()).isEmpty();
        }
    }

    @Test
    void loopbackSocketsComeFromTheEngineUnderTheRunDir(@TempDir Path runDir) throws InterruptedException {
        try (EngineAttacher.Attached engine = new ServedEngine().attach(model, runDir)) {
            Target loop = model.createTarget(Fabric.LOOPBACK, null);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (engine.loopbackSockets().socket(loop.wwn()).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(engine.loopbackSockets().socket(loop.wwn()))
                    .contains(runDir.resolve("loopback/" + loop.wwn() + ".sock"));
            assertThat(engine.loopbackSockets().socket("naa.5001405000000000")).isEmpty();
        }
    }

    /** The state once the object's store has answered (no longer opening), within 10 s. */
    private static Optional<StoreState> awaitSettled(EngineAttacher.Attached engine, StorageObject so)
            throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        Optional<StoreState> state = engine.stores().state(so);
        while (state.map(s -> s.kind() == StoreState.Kind.CONNECTING).orElse(true) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            state = engine.stores().state(so);
        }
        return state;
    }
}
