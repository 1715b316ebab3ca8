package io.glio.engine.runtime;

import org.junit.jupiter.api.BeforeEach;

/** A fresh {@link ScsiFixture} with the first initiator logged in and both LUNs ready. */
abstract class LoggedInFixtureTest extends FixtureTest {

    Initiator init;

    @BeforeEach
    void loginFirstInitiator() {
        init = fx.first();
    }
}
