package io.glio.engine.runtime;

import io.glio.engine.model.DeviceProbe;
import io.glio.engine.model.Fabric;
import io.glio.engine.model.ModelEnvironment;
import io.glio.engine.model.StorageObject;
import io.glio.engine.model.Target;
import io.glio.engine.model.TargetModel;
import io.glio.engine.model.Tpg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * libiscsi's conformance suite (iscsi-test-cu, every suite, destructive tests on) against a
 * ramdisk LUN served by the whole engine on loopback, with a second portal for the multipath
 * suite. The ReadOnly suite, which skips on a writable LU, runs last through a second TPG that
 * write-protects the same LUN in demo mode (LIO's demo_mode_write_protect). A regression guard
 * for the counts reported on issue 4: no suite hangs, nothing fails but the suite listed in
 * {@link #KNOWN_FAILING} (each with its reason), and the clean passes do not drop below the
 * floor measured when this test was written.
 */
class LibiscsiConformanceTest {

    private static final String IQN = "iqn.2026-11.io.glio:conformance";
    private static final int PORT = 13330;
    private static final int SECOND_PORT = 13331;
    /** A second TPG that write-protects the same LUN (demo_mode_write_protect=1), for the ReadOnly suite. */
    private static final int WRITE_PROTECTED_PORT = 13332;
    private static final int PASS_FLOOR = 203;

    /**
     * Suites allowed to fail, each with its reason: none. (iSCSIdatasn failed until a Data-Out
     * with a DataSN out of order ended its command with PROTOCOL SERVICE CRC ERROR instead of
     * dropping the connection, after which libiscsi reconnected with immediate data.)
     */
    private static final Map<String, String> KNOWN_FAILING = Map.of();

    private static TargetEngine engine;
    private static TargetModel model;
    private static StorageObject so;
    private static Target target;

    @BeforeAll
    static void serveARamdisk() {
        model = new TargetModel(
                new ModelEnvironment("gw1.example.com", "x86_64", UUID::randomUUID, DeviceProbe.system()));
        so = model.createRamdisk("conformance", 1L << 30, false, null);
        // Thin provisioning on, so the UNMAP / WRITE SAME / GET LBA STATUS suites run instead of skipping.
        model.setStorageObjectAttribute(so, "emulate_tpu", "1");
        model.setStorageObjectAttribute(so, "emulate_tpws", "1");
        target = model.createTarget(Fabric.ISCSI, IQN);
        serveInDemoMode(1, false, PORT, SECOND_PORT);
        engine = TargetEngine.start(model);
    }

    /** TPG {@code tag} exporting the ramdisk as LUN 0 to any initiator, without authentication. */
    private static void serveInDemoMode(int tag, boolean writeProtect, int... ports) {
        Tpg tpg = model.createTpg(target, tag);
        for (int port : ports) {
            model.createPortal(tpg, "127.0.0.1", port);
        }
        model.createLun(tpg, 0, so, null);
        model.setTpgAttribute(tpg, "generate_node_acls", "1");
        model.setTpgAttribute(tpg, "demo_mode_write_protect", writeProtect ? "1" : "0");
        model.setTpgAttribute(tpg, "authentication", "0");
        model.setTpgEnabled(tpg, true);
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void everySuiteRunsWithoutFailuresOrHangs() throws Exception {
        String url = "iscsi://127.0.0.1:" + PORT + "/" + IQN + "/0";
        String url2 = "iscsi://127.0.0.1:" + SECOND_PORT + "/" + IQN + "/0";
        Map<String, SuiteResult> results = new LinkedHashMap<>();
        for (String suite : suites()) {
            results.put(suite, runSuite(suite, url, url2));
        }
        // ReadOnly skips on a writable LU; once everything else ran, it runs on a write-protected view.
        results.put("ReadOnly", runSuite("ReadOnly", servedWriteProtected()));

        String table = table(results);
        List<String> hung = results.entrySet().stream().filter(e -> e.getValue().hung()).map(Map.Entry::getKey).toList();
        List<String> failing = results.entrySet().stream()
                .filter(e -> e.getValue().failed() > 0 && !KNOWN_FAILING.containsKey(e.getKey()))
                .map(Map.Entry::getKey).toList();
        int passed = results.values().stream().mapToInt(SuiteResult::passed).sum();
        // The counts the closing notes quote, in the build log.
        System.out.printf("libiscsi iscsi-test-cu on a served ramdisk (ReadOnly through a write-protected TPG):%n%sTOTAL passed=%d skipped=%d failed=%d%n", table,
                passed, results.values().stream().mapToInt(SuiteResult::skipped).sum(),
                results.values().stream().mapToInt(SuiteResult::failed).sum());
        assertThat(hung).as("suites that hung%n%s", table).isEmpty();
        assertThat(failing).as("suites with failures%n%s", table).isEmpty();
        assertThat(passed).as("clean passes%n%s", table).isGreaterThanOrEqualTo(PASS_FLOOR);
    }

    /** A second TPG exporting the same LUN with demo-mode write protect, as LIO does it; returns its URL. */
    private static String servedWriteProtected() throws InterruptedException {
        serveInDemoMode(2, true, WRITE_PROTECTED_PORT);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (var socket = new java.net.Socket("127.0.0.1", WRITE_PROTECTED_PORT)) {
                return "iscsi://127.0.0.1:" + WRITE_PROTECTED_PORT + "/" + IQN + "/0";
            } catch (IOException notYet) {
                assertThat(System.nanoTime()).as("portal %d listening", WRITE_PROTECTED_PORT).isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    private static List<String> suites() throws IOException, InterruptedException {
        String listing = run(60, "iscsi-test-cu", "-l");
        List<String> suites = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^ALL\\.([^.\\s]+)$").matcher(listing);
        while (m.find()) {
            suites.add(m.group(1));
        }
        assertThat(suites).as("iscsi-test-cu -l lists suites:%n%s", listing).hasSizeGreaterThan(40);
        return suites;
    }

    /** One suite, as ../shared/tools/testcu.sh counts it: a [SKIPPED] test is not a clean pass. */
    private static SuiteResult runSuite(String suite, String... urls) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("iscsi-test-cu", "-d", "-v", "-t", "ALL." + suite));
        command.addAll(List.of(urls));
        String out = run(120, command.toArray(String[]::new));
        Matcher totals = Pattern.compile("(?m)^\\s*tests\\s+\\d+\\s+(\\d+)\\s+\\d+\\s+(\\d+)").matcher(out);
        if (!totals.find()) {
            return new SuiteResult(0, 0, 0, true);
        }
        int ran = Integer.parseInt(totals.group(1));
        int failed = Integer.parseInt(totals.group(2));
        int skipped = 0;
        boolean skipping = false;
        for (String line : out.split("\n")) {
            if (line.startsWith("  Test: ")) {
                skipping = false;
            }
            if (line.contains("[SKIPPED]")) {
                skipping = true;
            }
            if (line.endsWith("passed")) {
                skipped += skipping ? 1 : 0;
                skipping = false;
            }
        }
        return new SuiteResult(ran - failed - skipped, skipped, failed, false);
    }

    private record SuiteResult(int passed, int skipped, int failed, boolean hung) {
    }

    private static String table(Map<String, SuiteResult> results) {
        StringBuilder b = new StringBuilder();
        results.forEach((suite, r) -> b.append(String.format("%-26s passed=%d skipped=%d failed=%d%s%n",
                suite, r.passed(), r.skipped(), r.failed(), r.hung() ? " HUNG" : "")));
        return b.toString();
    }

    private static String run(int seconds, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (var in = p.getInputStream()) {
                out.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process was killed: what was read so far is what we report
            }
        });
        reader.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        reader.join(5000);
        return out.toString();
    }
}
