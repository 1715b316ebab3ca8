package io.glio.engine.backing.glfs.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ALUA states every gateway derives from the registry and the recorded setting, and that setting's JSON. */
class GatewayRegistryTest {

    private final GatewayEntry a = new GatewayEntry("gw-a", "iqn.a", 1, List.of("10.0.0.1:3260"), 1, 1, 4);
    private final GatewayEntry b = new GatewayEntry("gw-b", "iqn.b", 1, List.of("10.0.0.2:3260"), 2, 2, 8);

    @Test
    void withoutAPreferredGatewayEveryGroupIsActiveOptimizedAndNoneIsPreferred() {
        GatewayRegistry r = new GatewayRegistry(List.of(b, a), "gw-a");

        assertThat(r.gateways()).containsExactly(a, b);
        assertThat(List.of(r.accessState(a), r.accessState(b))).containsExactly(0, 0);
        assertThat(r.preferred(a) || r.preferred(b)).isFalse();
    }

    @Test
    void aLivePreferredGatewayIsOptimizedAndTheOthersNonOptimized() {
        GatewayRegistry r = new GatewayRegistry(List.of(a, b), "gw-a", new AluaPreference("gw-b", AluaPreference.IMPLICIT));

        assertThat(List.of(r.accessState(a), r.accessState(b))).containsExactly(1, 0);
        assertThat(r.preferred(b)).isTrue();
        assertThat(r.state(a)).isEqualTo("active/non-optimized");
    }

    @Test
    void aPreferredGatewayThatExpiredPrefersNothing() {
        GatewayRegistry r = new GatewayRegistry(List.of(a), "gw-a", new AluaPreference("gw-b", AluaPreference.IMPLICIT));

        assertThat(r.accessState(a)).isZero();
        assertThat(r.preferred(a)).isFalse();
    }

    @Test
    void theSettingRoundTripsAndABadStatusIsNamed() throws Exception {
        AluaPreference p = new AluaPreference("gw-b", AluaPreference.BY_STPG);
        assertThat(MetaCodec.alua(MetaCodec.alua(p))).isEqualTo(p);

        byte[] bad = "{\"version\":1,\"preferred_gateway\":\"gw-b\",\"status\":7}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> MetaCodec.alua(bad)).isInstanceOf(MetaFormatException.class)
                .hasMessage("user.glio.alua: LU metadata: status 7 (expected: 0, 1 or 2)");
    }
}
