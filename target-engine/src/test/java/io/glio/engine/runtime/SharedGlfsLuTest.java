package io.glio.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.glio.engine.backing.glfs.meta.GatewayEntry;
import io.glio.engine.backing.glfs.meta.LuSharing;
import io.glio.engine.model.StorageObject;
import io.glio.engine.scsi.ScsiCompletion;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two gateways (two models and registries in one JVM, each with its own gluster connection)
 * export one file of the real test volume: one identity, resizes seen by both, a registry of
 * both that forgets a dead one.
 */
class SharedGlfsLuTest extends SharedLuTestBase {

    private static final long SIZE = SharedGateway.SIZE;

    @Test
    void theSecondGatewayTakesTheFirstsIdentityWithoutBeingTold() {
        SharedGateway a = gateway("gw-a", null, false);
        a.login();
        SharedGateway b = gateway("gw-b", null, false);
        b.login();

        assertThat(b.so.wwn()).isEqualTo(a.so.wwn());
        assertThat(b.so.wwnOrigin()).isEqualTo(StorageObject.WwnOrigin.SAVED);
        assertThat(b.vpd(0x80)).isEqualTo(a.vpd(0x80));
        assertThat(logicalUnitDesignators(b.vpd(0x83))).isEqualTo(logicalUnitDesignators(a.vpd(0x83)))
                .isNotEmpty();
    }

    @Test
    void anExplicitWwnThatDisagreesIsRefusedShowingBothUnlessForced() {
        SharedGateway a = gateway("gw-a", null, false);
        a.login();
        SharedGateway b = gateway("gw-b", "00000000-0000-4000-8000-0000000000bb", false);
        ScsiFixture.waitUntil(() -> b.sharing().status() == LuSharing.Status.CONFLICT, "conflict", Duration.ofSeconds(20));
        assertThat(b.sharing().message()).contains("the volume records wwn " + a.so.wwn(),
                "wwn=00000000-0000-4000-8000-0000000000bb was given", "force=true");
        assertThat(b.registry.unit(b.so).orElseThrow().ready()).isFalse();

        SharedGateway c = gateway("gw-c", "00000000-0000-4000-8000-0000000000cc", true);
        c.login();
        // Forced: the volume now records c's wwn, and a follows (its wwn came from the volume).
        ScsiFixture.waitUntil(() -> a.so.wwn().equals("00000000-0000-4000-8000-0000000000cc"), "a takes the forced wwn",
                Duration.ofSeconds(20));
    }

    @Test
    void aResizeThroughOneGatewayIsSeenByTheOtherWithACapacityUnitAttention() {
        SharedGateway a = gateway("gw-a", null, false);
        a.login();
        SharedGateway b = gateway("gw-b", null, false);
        b.login();

        long start = System.nanoTime();
        a.model.changeMedium(a.so, 2 * SIZE, a.so.config().orElseThrow().substring("glfs/".length()));
        ScsiFixture.waitUntil(() -> b.so.size().orElse(0) == 2 * SIZE, "b sees the new size", Duration.ofSeconds(10));
        synchronized (b.model) {
            // The size is set and its event delivered in one hold of the model's lock.
        }
        System.out.printf("resize seen by the other gateway after %d ms (heartbeat %d ms)%n",
                (System.nanoTime() - start) / 1_000_000, BEAT.toMillis());

        Initiator.Result tur = b.initiator.run(0, new byte[6], 0);
        assertThat(tur.status()).isEqualTo(ScsiCompletion.CHECK_CONDITION);
        assertThat(tur.sense()).isEqualTo("6/2a/09");
        Initiator.Result capacity = b.initiator.run(0, new byte[] {(byte) 0x9e, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 32, 0, 0}, 32);
        assertThat(ByteBuffer.wrap(capacity.data()).getLong(0) + 1).isEqualTo(2 * SIZE / 512);
    }

    @Test
    void bothGatewaysAppearInTheRegistryWithTheSameIdsAndADeadOneExpires() {
        SharedGateway a = gateway("gw-a", null, false);
        a.login();
        SharedGateway b = gateway("gw-b", null, false);
        b.login();
        ScsiFixture.waitUntil(() -> a.sharing().registry().gatewayCount() == 2 && b.sharing().registry().gatewayCount() == 2,
                "both registered", Duration.ofSeconds(10));
        ScsiFixture.waitUntil(() -> ids(a).equals(ids(b)), "same ids seen from both", Duration.ofSeconds(5));
        assertThat(ids(a)).containsExactlyInAnyOrder("gw-a iqn.2026-12.io.glio:gw-a 1 group 1 port 1",
                "gw-b iqn.2026-12.io.glio:gw-b 1 group 2 port 2");

        long killed = System.nanoTime();
        b.close(); // stops beating, as a killed gateway does
        gateways.remove(b);
        ScsiFixture.waitUntil(() -> a.sharing().registry().gatewayCount() == 1, "b expires", Duration.ofSeconds(10));
        long expiredAfter = (System.nanoTime() - killed) / 1_000_000;
        System.out.printf("a dead gateway's entry expired after %d ms (3 x %d ms heartbeat)%n", expiredAfter, BEAT.toMillis());
        assertThat(expiredAfter).isGreaterThanOrEqualTo(3 * BEAT.toMillis() - 100);
    }

    @Test
    void aVolumeThatCannotBeReachedLeavesTheIdentityPendingAndTheLuNotReady() {
        SharedGateway down = new SharedGateway("gw-down", "glfs/" + volume.volume() + "@glio-no-such-host.invalid/" + path,
                null, false, BEAT);
        gateways.add(down);
        ScsiFixture.waitUntil(() -> down.registry.sharing(down.so).isPresent(), "followed", Duration.ofSeconds(20));
        ScsiFixture.waitUntil(() -> down.sharing().message().contains("glio-no-such-host.invalid"),
                "a tick failed to reach the volume", Duration.ofSeconds(20));
        assertThat(down.sharing().status()).isEqualTo(LuSharing.Status.PENDING);
        assertThat(down.registry.unit(down.so).orElseThrow().identityHold()).startsWith("identity not read from the volume yet");
        assertThat(down.so.wwnOrigin()).isEqualTo(StorageObject.WwnOrigin.GENERATED);
    }

    private static List<String> ids(SharedGateway g) {
        return g.sharing().registry().gateways().stream()
                .map((GatewayEntry e) -> e.key() + " group " + e.group() + " port " + e.port()).toList();
    }

    /** VPD 0x83 without the designators of the target port (association 01b) or target (10b). */
    private static byte[] logicalUnitDesignators(byte[] page) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int end = Math.min(page.length, 4 + (((page[2] & 0xff) << 8) | (page[3] & 0xff)));
        for (int at = 4; at + 4 <= end; ) {
            int length = 4 + (page[at + 3] & 0xff);
            if ((page[at + 1] >> 4 & 0x3) == 0) {
                out.write(page, at, length);
            }
            at += length;
        }
        return out.toByteArray();
    }
}
