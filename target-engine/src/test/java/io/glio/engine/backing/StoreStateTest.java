package io.glio.engine.backing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The texts {@code ls} shows for each state are the ones it showed when they were strings. */
class StoreStateTest {

    @Test
    void onlyConnectedIsReady() {
        for (StoreState.Kind kind : StoreState.Kind.values()) {
            assertThat(new StoreState(kind, "x").isReady()).as(kind.name()).isEqualTo(kind == StoreState.Kind.CONNECTED);
        }
    }

    @Test
    void descriptionsKeepTheirWords() {
        assertThat(StoreState.connecting("connecting to v@h:24007").description())
                .isEqualTo("not connected: connecting to v@h:24007");
        assertThat(StoreState.notConnected("ENOTCONN").description()).isEqualTo("not connected: ENOTCONN");
        assertThat(StoreState.notUsable("file 'f' is gone").description()).isEqualTo("not usable: file 'f' is gone");
        assertThat(StoreState.unavailable("no backing store for user/x").description())
                .isEqualTo("not available: no backing store for user/x");
        assertThat(StoreState.CONNECTED_STATE.description()).isEqualTo("connected");
        assertThat(StoreState.CLOSED_STATE.description()).isEqualTo("closed");
    }
}
