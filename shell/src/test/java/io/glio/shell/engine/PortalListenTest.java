package io.glio.shell.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.glio.shell.EngineAttacher;
import io.glio.shell.MainAccess;
import io.glio.shell.ShellTestEnv;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A portal that cannot listen is not created, with LIO's message, whether the engine serves
 * (the bind is tried at creation) or not (the address must be local and not overlap another
 * portal). Ports 14600-14649; 198.51.100.7 (TEST-NET-2) is on no host.
 */
class PortalListenTest {

    private static final String REFUSED = "Could not create NetworkPortal in configFS";
    private static final String T1 = "iqn.2026-12.io.glio:portal-one";
    private static final String T2 = "iqn.2026-12.io.glio:portal-two";

    @TempDir
    Path home;

    @Test
    void servedPortalThatCannotBindIsRefusedAndNotCreated() throws IOException {
        try (ServerSocket other = new ServerSocket(14601, 5, InetAddress.getByName("127.0.0.1"))) {
            Run run = run(new ServedEngine(), targets(),
                    "/iscsi/" + T1 + "/tpg1/portals create 198.51.100.7 14600",
                    "/iscsi/" + T1 + "/tpg1/portals create 127.0.0.1 14601",
                    "ls /iscsi/" + T1 + "/tpg1/portals");
            assertThat(run.errorLines()).containsExactly(REFUSED, REFUSED);
            assertThat(run.out).doesNotContain("Created network portal").contains("Portals: 0");
            assertThat(other.isBound()).isTrue();
        }
    }

    @Test
    void wildcardAndSpecificAddressOfOnePortOverlapAcrossTargetsBothWays() throws IOException {
        Run run = run(new ServedEngine(), targets(),
                "/iscsi/" + T1 + "/tpg1/portals create 0.0.0.0 14602",
                "/iscsi/" + T2 + "/tpg1/portals create 127.0.0.1 14602",
                "/iscsi/" + T1 + "/tpg1/portals create 127.0.0.1 14603",
                "/iscsi/" + T2 + "/tpg1/portals create 0.0.0.0 14603",
                "/iscsi/" + T2 + "/tpg1/portals create ::0 14603");
        assertThat(run.errorLines()).containsExactly(REFUSED, REFUSED, REFUSED);
        assertThat(run.out).contains("Created network portal 0.0.0.0:14602.", "Created network portal 127.0.0.1:14603.")
                .doesNotContain("Created network portal 127.0.0.1:14602.", "Created network portal 0.0.0.0:14603.");
    }

    @Test
    void sameIpPortIsSharedByTwoTargetsButNotByTwoTpgsOfOne() throws IOException {
        Run run = run(new ServedEngine(), targets(),
                "/iscsi/" + T1 + " create 2",
                "/iscsi/" + T1 + "/tpg1/portals create 127.0.0.1 14604",
                "/iscsi/" + T1 + "/tpg2/portals create 127.0.0.1 14604",
                "/iscsi/" + T2 + "/tpg1/portals create 127.0.0.1 14604",
                "ls /iscsi");
        assertThat(run.errorLines()).containsExactly(REFUSED);
        assertThat(run.out).containsPattern("o- 127\\.0\\.0\\.1:14604 \\.+ \\[OK\\]\n(?s).*"
                + "o- 127\\.0\\.0\\.1:14604 \\.+ \\[OK\\]");
    }

    @Test
    void lsShowsWhetherAServedPortalListens() throws IOException {
        Run run = run(new ServedEngine(), targets(),
                "/iscsi/" + T1 + "/tpg1/portals create 127.0.0.1 14605",
                "ls /iscsi/" + T1 + "/tpg1/portals",
                "/iscsi/" + T1 + "/tpg1 disable",
                "ls /iscsi/" + T1 + "/tpg1/portals");
        assertThat(run.errorLines()).isEmpty();
        assertThat(run.out).containsPattern("o- 127\\.0\\.0\\.1:14605 \\.+ \\[OK\\]\n/> The TPGT has been disabled")
                .containsPattern("o- 127\\.0\\.0\\.1:14605 \\.+ \\[not listening, TPG disabled\\]");
    }

    @Test
    void restoredPortalThatCannotBindIsAnErrorNamingItAndTheRestLoads() throws IOException {
        Path config = home.resolve("saveconfig.json");
        Files.writeString(config, """
                {"storage_objects": [], "targets": [{"fabric": "iscsi", "wwn": "%s", "tpgs": [
                  {"tag": 1, "enable": true, "portals": [
                    {"ip_address": "198.51.100.7", "port": 14606}, {"ip_address": "127.0.0.1", "port": 14607}]}]}]}
                """.formatted(T1));
        Run run = run(new ServedEngine(), "ls /iscsi/" + T1 + "/tpg1/portals");
        assertThat(run.out + run.err).contains("Creating NetworkPortal object 198.51.100.7:14606 failed: " + REFUSED);
        assertThat(run.out).containsPattern("Portals: 1]\n  o- 127\\.0\\.0\\.1:14607 \\.+ \\[OK\\]\n/> exit");
    }

    @Test
    void withoutAnEngineTheConfigurationAloneIsChecked() throws IOException {
        Run run = run(EngineAttacher.NONE, targets(),
                "/iscsi/" + T1 + "/tpg1/portals create 198.51.100.7 14608",
                "/iscsi/" + T1 + "/tpg1/portals create 0.0.0.0 14609",
                "/iscsi/" + T2 + "/tpg1/portals create 127.0.0.1 14609",
                "set global auto_add_default_portal=true",
                "/iscsi/" + T2 + "/tpg1/portals create 0.0.0.0 3260",
                "/iscsi/" + T2 + " create 2",
                "saveconfig");
        assertThat(run.errorLines()).containsExactly(REFUSED, REFUSED);
        assertThat(run.out).contains("Default portal not created, TPGs within a target cannot share ip:port.");
        assertThat(Files.readString(home.resolve("saveconfig.json")))
                .doesNotContain("198.51.100.7").contains("\"port\": 14609", "\"port\": 3260");
    }

    /** Two targets with one TPG each and no portal. */
    private static String[] targets() {
        return new String[] {"set global auto_add_default_portal=false", "/iscsi create " + T1, "/iscsi create " + T2};
    }

    private Run run(EngineAttacher engine, String[] setUp, String... lines) throws IOException {
        String[] all = new String[setUp.length + lines.length];
        System.arraycopy(setUp, 0, all, 0, setUp.length);
        System.arraycopy(lines, 0, all, setUp.length, lines.length);
        return run(engine, all);
    }

    private Run run(EngineAttacher engine, String... lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String script = String.join("\n", lines) + "\n";
        MainAccess.run(engine, new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                ShellTestEnv.of(home, home.resolve("saveconfig.json")));
        return new Run(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(String out, String err) {
        /** The error lines the shell printed, wherever it prints them. */
        java.util.List<String> errorLines() {
            return (out + "\n" + err).lines().filter(l -> l.contains("NetworkPortal")).toList();
        }
    }
}
