package io.glio.engine.iscsi;

import io.glio.engine.model.TargetModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * libiscsi's iscsi-test-cu iSCSI family against the target (test RAM disk behind it), iSCSIdatasn
 * included: each of its WRITEs with a corrupted DataSN must fail while the connection stays up,
 * or the next case, run after a reconnect with immediate data, has no Data-Out to corrupt.
 */
class LibiscsiConformanceTest {

    private static final String TARGET = "iqn.2026-11.io.glio:conformance";
    private static final int PORT = 13296;
    private static final Pattern SUMMARY = Pattern.compile(
            "tests\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)");

    static RunningTarget target;

    @BeforeAll
    static void start() {
        TargetModel model = new TargetModel();
        // Unsolicited Data-Out too: libiscsi offers InitialR2T=No and uses it when the target agrees.
        model.setTpgParameter(TestTargets.demo(model, TARGET, PORT), "InitialR2T", "No");
        target = new RunningTarget(model, 8 * 1024 * 1024);
    }

    @AfterAll
    static void stop() {
        target.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"iSCSI.iSCSIcmdsn.*", "iSCSI.iSCSIdatasn.*", "iSCSI.iSCSIResiduals.*", "iSCSI.iSCSITMF.*"})
    void suitePassesWithoutFailures(String suiteAndQuery) throws Exception {
        String[] parts = suiteAndQuery.split("\\?");
        String query = parts.length > 1 ? "?" + parts[1] : "";
        Tools.Result r = Tools.run("iscsi-test-cu", "-d", "-t", parts[0],
                "iscsi://127.0.0.1:" + PORT + "/" + TARGET + "/0" + query);
        Matcher m = SUMMARY.matcher(r.output());
        assertThat(m.find()).as(r.output()).isTrue();
        int ran = Integer.parseInt(m.group(2));
        int failed = Integer.parseInt(m.group(4));
        assertThat(ran).as(r.output()).isPositive();
        assertThat(failed).as(r.output()).isZero();
    }
}
