package io.glio.engine.backing.glfs.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeartbeatsTest {

    private static final long SECOND = 1_000_000_000L;
    private static final LuExport A1 = new LuExport("iqn.a", 1, List.of("10.0.0.1:3260"));
    private static final LuExport B1 = new LuExport("iqn.b", 1, List.of("10.0.0.2:3260"));

    @Test
    void twoGatewaysGetDistinctIdsThatStayWhileTheyBeat() {
        Heartbeats a = new Heartbeats("gw-a", Duration.ofSeconds(6));
        Heartbeats b = new Heartbeats("gw-b", Duration.ofSeconds(6));
        List<GatewayEntry> onVolume = a.next(List.of(), List.of(A1), 0);
        onVolume = b.next(onVolume, List.of(B1), 0);
        assertThat(onVolume).extracting(GatewayEntry::gateway, GatewayEntry::group, GatewayEntry::port, GatewayEntry::beat)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("gw-a", 1, 1, 1L),
                        org.assertj.core.groups.Tuple.tuple("gw-b", 2, 2, 1L));
        for (int t = 1; t <= 10; t++) {
            onVolume = a.next(onVolume, List.of(A1), t * SECOND);
            onVolume = b.next(onVolume, List.of(B1), t * SECOND);
        }
        assertThat(onVolume).extracting(GatewayEntry::group).containsExactly(1, 2);
        assertThat(onVolume).extracting(GatewayEntry::beat).containsExactly(11L, 11L);
    }

    @Test
    void anEntryWhoseBeatStopsExpiresAfterTheExpiryAndItsIdsAreFreed() {
        Heartbeats a = new Heartbeats("gw-a", Duration.ofSeconds(6));
        Heartbeats b = new Heartbeats("gw-b", Duration.ofSeconds(6));
        List<GatewayEntry> onVolume = b.next(a.next(List.of(), List.of(A1), 0), List.of(B1), 0);
        // gw-b dies: only gw-a beats from now on.
        onVolume = a.next(onVolume, List.of(A1), 1 * SECOND);
        assertThat(onVolume).hasSize(2);
        onVolume = a.next(onVolume, List.of(A1), 5 * SECOND);
        assertThat(onVolume).hasSize(2);
        onVolume = a.next(onVolume, List.of(A1), 7 * SECOND + 1);
        assertThat(onVolume).extracting(GatewayEntry::gateway).containsExactly("gw-a");
        // A new gateway then gets the freed ids.
        Heartbeats c = new Heartbeats("gw-c", Duration.ofSeconds(6));
        onVolume = c.next(onVolume, List.of(new LuExport("iqn.c", 3, List.of())), 8 * SECOND);
        assertThat(onVolume.get(1)).extracting(GatewayEntry::group, GatewayEntry::port).containsExactly(2, 2);
    }

    @Test
    void anExportRemovedHereLeavesTheRegistryAndNewPortalsAreRecorded() {
        Heartbeats a = new Heartbeats("gw-a", Duration.ofSeconds(6));
        List<GatewayEntry> onVolume = a.next(List.of(), List.of(A1), 0);
        LuExport moved = new LuExport("iqn.a", 1, List.of("10.0.0.9:3260"));
        onVolume = a.next(onVolume, List.of(moved), SECOND);
        assertThat(onVolume.get(0).portals()).containsExactly("10.0.0.9:3260");
        assertThat(a.next(onVolume, List.of(), 2 * SECOND)).isEmpty();
    }

    @Test
    void theRegistryRoundTripsThroughItsJson() throws Exception {
        List<GatewayEntry> entries = new Heartbeats("gw-a", Duration.ofSeconds(6)).next(List.of(), List.of(A1, B1), 0);
        assertThat(MetaCodec.gateways(MetaCodec.gateways(entries))).isEqualTo(entries);
        LuIdentity identity = new LuIdentity("w", 4096, 4096);
        assertThat(MetaCodec.identity(MetaCodec.identity(identity))).isEqualTo(identity);
    }

    @Test
    void badMetadataIsRefusedNamingTheValue() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MetaCodec.identity(
                        "{\"version\":1,\"wwn\":\"w\",\"size\":-5,\"block_size\":512}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(MetaFormatException.class).hasMessage("user.glio.lu: LU metadata: size -5 (expected: > 0)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MetaCodec.identity("{\"version\":7}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(MetaFormatException.class).hasMessage("user.glio.lu: version 7 (expected: 1)");
    }
}
