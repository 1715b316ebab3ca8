package io.glio.engine.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/** Deterministic environments and helpers for the model tests. */
final class TestEnv {

    private TestEnv() {
    }

    /** uuid4 values from a fixed seed, so generated WWNs and aliases are reproducible. */
    static Supplier<UUID> seededUuids(long seed) {
        Random random = new Random(seed);
        return () -> {
            long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
            long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(msb, lsb);
        };
    }

    static ModelEnvironment env(DeviceProbe devices) {
        return new ModelEnvironment("storage1.example.com", "x86_64", seededUuids(42), devices);
    }

    static TargetModel model() {
        return new TargetModel(env(new FakeDevices()));
    }

    static TargetModel model(FakeDevices devices) {
        return new TargetModel(env(devices));
    }

    /** Records every event a model delivers. */
    static final class Recorder implements ModelListener {
        final List<ModelEvent> events = new ArrayList<>();

        @Override
        public void onEvent(ModelEvent event) {
            events.add(event);
        }

        List<String> names() {
            List<String> out = new ArrayList<>();
            events.forEach(e -> out.add(e.getClass().getSimpleName()));
            return out;
        }
    }

    static Recorder record(TargetModel model) {
        Recorder r = new Recorder();
        model.addListener(r);
        return r;
    }

    /**
     * A fixture file: the copies kept by saveconfig-schema's tests in this repository, or the
     * shared originals.
     */
    static Path fixture(String name) {
        String[] candidates = {
            "../saveconfig-schema/src/test/resources/io/glio/saveconfig/real-world/" + name,
            "../saveconfig-schema/src/test/resources/io/glio/saveconfig/oracle/" + name,
            "/work/shared/fixtures/saveconfig-real-world/" + name,
            "/work/shared/tools/targetcli-oracle/" + name,
        };
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("fixture not found: " + name);
    }
}
