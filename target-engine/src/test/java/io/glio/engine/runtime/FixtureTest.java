package io.glio.engine.runtime;

import io.glio.engine.backing.BackingStoreProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/** A fresh {@link ScsiFixture} in a temp folder for every test. */
abstract class FixtureTest {

    @TempDir
    Path folder;
    ScsiFixture fx;

    /** Providers tried before the local ones. */
    List<BackingStoreProvider> extraProviders() {
        return List.of();
    }

    @BeforeEach
    void startFixture() {
        fx = new ScsiFixture(folder, extraProviders());
    }

    @AfterEach
    void stopFixture() {
        fx.close();
    }
}
