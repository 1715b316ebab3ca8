package io.glio.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glio.engine.backing.glfs.meta.AluaPreference;
import io.glio.engine.model.InvalidValueException;
import io.glio.engine.scsi.ScsiCompletion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * ALUA across gateways on the real test volume: two gateways report every live gateway's port
 * group with the same bytes, carry their own ids in VPD 0x83, follow a preferred gateway set
 * through either one (with ASYMMETRIC ACCESS STATE CHANGED), and drop a dead gateway's group.
 */
class SharedAluaTest extends SharedLuTestBase {

    private static final byte[] RTPG = {(byte) 0xa3, 0x0a, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0};
    private static final String BOTH_OPTIMIZED =
            // length 24, group 1: AO, supported AO|AN, id 1, status 0, 1 port, RTPI 1; group 2 likewise, RTPI 2
            "00000018" + "00030001" + "00000001" + "00000001" + "00030002" + "00000001" + "00000002";
    private static final String B_PREFERRED =
            // group 1 (gw-a) active/non-optimized, group 2 (gw-b) PREF | active/optimized; status 02h (implicit)
            "00000018" + "01030001" + "00020001" + "00000001" + "80030002" + "00020001" + "00000002";

    /** Unit attentions the polling RTPGs of each gateway's initiator ran into. */
    private final List<String> senses = new ArrayList<>();

    private SharedGateway[] twoGateways() {
        SharedGateway a = gateway("gw-a", null, false);
        a.login();
        SharedGateway b = gateway("gw-b", null, false);
        b.login();
        ScsiFixture.waitUntil(() -> rtpg(a).equals(BOTH_OPTIMIZED) && rtpg(b).equals(BOTH_OPTIMIZED),
                "both gateways report both groups", Duration.ofSeconds(10));
        return new SharedGateway[] {a, b};
    }

    @Test
    void everyGatewayReportsEveryGroupWithTheSameBytesAndItsOwnIdsInVpd83() {
        SharedGateway[] g = twoGateways();

        assertThat(rtpg(g[0])).isEqualTo(rtpg(g[1])).isEqualTo(BOTH_OPTIMIZED);
        assertThat(portDesignators(g[0].vpd(0x83))).containsExactly("RTPI 1", "TPG 1");
        assertThat(portDesignators(g[1].vpd(0x83))).containsExactly("RTPI 2", "TPG 2");
        assertThat(senses).isEmpty();
    }

    @Test
    void aPreferredGatewaySetThroughOneIsReportedByBothWithAUnitAttention() throws Exception {
        SharedGateway[] g = twoGateways();

        long start = System.nanoTime();
        AluaPreference written = g[0].registry.preferGateway(g[0].so, "gw-b").get(10, TimeUnit.SECONDS);
        assertThat(written).isEqualTo(new AluaPreference("gw-b", AluaPreference.IMPLICIT));
        ScsiFixture.waitUntil(() -> rtpg(g[0]).equals(B_PREFERRED) && rtpg(g[1]).equals(B_PREFERRED),
                "both report gw-b preferred", Duration.ofSeconds(10));
        System.out.printf("preferred gateway reported by both after %d ms (heartbeat %d ms)%n",
                (System.nanoTime() - start) / 1_000_000, BEAT.toMillis());
        assertThat(senses).containsExactly("6/2a/06", "6/2a/06");
        assertThat(g[0].sharing().registry().state(g[0].sharing().registry().gateways().get(0)))
                .isEqualTo("active/non-optimized");

        g[1].registry.preferGateway(g[1].so, "none").get(10, TimeUnit.SECONDS);
        ScsiFixture.waitUntil(() -> rtpg(g[0]).equals(BOTH_OPTIMIZED) && rtpg(g[1]).equals(BOTH_OPTIMIZED),
                "both back to all optimized", Duration.ofSeconds(10));
        assertThat(senses).hasSize(4);
    }

    @Test
    void aGatewayThatIsNotLiveIsRefusedNamingItAndNothingIsWritten() throws Exception {
        SharedGateway[] g = twoGateways();

        assertThatThrownBy(() -> g[0].registry.preferGateway(g[0].so, "gw-x"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("preferred_gateway: 'gw-x' is no live gateway of this LU (live: gw-a, gw-b; or 'this', 'none')");
        Thread.sleep(3 * BEAT.toMillis());
        assertThat(g[0].sharing().registry().alua()).isEqualTo(AluaPreference.NONE);
        assertThat(rtpg(g[1])).isEqualTo(BOTH_OPTIMIZED);
    }

    @Test
    void aDeadGatewaysGroupIsDroppedAndItsPreferenceLapses() throws Exception {
        SharedGateway[] g = twoGateways();
        g[0].registry.preferGateway(g[0].so, "gw-b").get(10, TimeUnit.SECONDS);
        ScsiFixture.waitUntil(() -> rtpg(g[0]).equals(B_PREFERRED), "a reports gw-b preferred", Duration.ofSeconds(10));

        g[1].close(); // stops beating, as a killed gateway does
        gateways.remove(g[1]);
        // Only a's group, active/optimized again; the status stays that of the last change.
        String alone = "0000000c" + "00030001" + "00020001" + "00000001";
        ScsiFixture.waitUntil(() -> rtpg(g[0]).equals(alone), "gw-b's group dropped", Duration.ofSeconds(10));
        assertThat(senses).contains("6/2a/06");
    }

    @Test
    void explicitAluaIsOfferedForTheSharedLu() {
        SharedGateway[] g = twoGateways();

        Initiator.Result inquiry = g[0].initiator.run(0, Initiator.inquiry(false, 0, 96), 96);
        assertThat(inquiry.data()[5] & 0x30).as("TPGS").isEqualTo(0x30);
        byte[] rsoc = {(byte) 0xa3, 0x0c, 0x02, (byte) 0xa4, 0, 0x0a, 0, 0, 0, 64, 0, 0};
        assertThat(g[0].initiator.run(0, rsoc, 64).data()[1] & 0x07).as("STPG SUPPORT").isEqualTo(3);
    }

    @Test
    void setTargetPortGroupsThroughOneGatewayIsReportedByBothSparingTheRequester() {
        SharedGateway[] g = twoGateways();

        Initiator.Result stpg = g[0].initiator.write(0, stpg(8), new byte[] {0, 0, 0, 0, 0x00, 0, 0, 2});
        assertThat(stpg.status()).as("STPG: %s", stpg.sense()).isEqualTo(ScsiCompletion.GOOD);
        String byStpg = B_PREFERRED.replace("00020001", "00010001");
        ScsiFixture.waitUntil(() -> rtpg(g[0]).equals(byStpg) && rtpg(g[1]).equals(byStpg),
                "both report gw-b preferred by STPG", Duration.ofSeconds(10));
        assertThat(senses).as("only the other gateway's nexus sees the change").containsExactly("6/2a/06");
        assertThat(g[0].sharing().registry().alua()).isEqualTo(new AluaPreference("gw-b", AluaPreference.BY_STPG));
    }

    @Test
    void setTargetPortGroupsNamingNoGroupOrAnotherStateIsRefusedAndChangesNothing() {
        SharedGateway[] g = twoGateways();

        Initiator.Result unknown = g[1].initiator.write(0, stpg(8), new byte[] {0, 0, 0, 0, 0x00, 0, 0, 9});
        assertThat(unknown.sense()).isEqualTo("5/26/00");
        Initiator.Result standby = g[1].initiator.write(0, stpg(8), new byte[] {0, 0, 0, 0, 0x02, 0, 0, 1});
        assertThat(standby.sense()).isEqualTo("5/26/00");
        Initiator.Result nonOptimizedAlone = g[1].initiator.write(0, stpg(8), new byte[] {0, 0, 0, 0, 0x01, 0, 0, 1});
        assertThat(nonOptimizedAlone.sense()).isEqualTo("5/26/00");
        assertThat(rtpg(g[0])).isEqualTo(rtpg(g[1])).isEqualTo(BOTH_OPTIMIZED);
        assertThat(g[1].sharing().registry().alua()).isEqualTo(AluaPreference.NONE);
    }

    private static byte[] stpg(int length) {
        return new byte[] {(byte) 0xa4, 0x0a, 0, 0, 0, 0, 0, 0, 0, (byte) length, 0, 0};
    }

    /** RTPG through the gateway as hex; a CHECK CONDITION (unit attention) is recorded and retried. */
    private String rtpg(SharedGateway g) {
        for (int i = 0; i < 3; i++) {
            Initiator.Result r = g.initiator.run(0, RTPG, 256);
            if (r.status() == ScsiCompletion.GOOD) {
                return HexFormat.of().formatHex(r.data());
            }
            senses.add(r.sense());
        }
        throw new AssertionError("RTPG through " + g.iqn + " kept failing: " + senses);
    }

    /** The relative target port (type 4) and target port group (type 5) designators of VPD 0x83. */
    private static List<String> portDesignators(byte[] page) {
        List<String> out = new ArrayList<>();
        int end = Math.min(page.length, 4 + (((page[2] & 0xff) << 8) | (page[3] & 0xff)));
        for (int at = 4; at + 4 <= end; at += 4 + (page[at + 3] & 0xff)) {
            int type = page[at + 1] & 0x0f;
            if (type == 4 || type == 5) {
                byte[] v = Arrays.copyOfRange(page, at + 4, at + 8);
                out.add((type == 4 ? "RTPI " : "TPG ") + (((v[2] & 0xff) << 8) | (v[3] & 0xff)));
            }
        }
        return out;
    }
}
