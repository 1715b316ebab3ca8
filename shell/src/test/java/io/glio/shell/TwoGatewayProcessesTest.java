package io.glio.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.glio.gfapi.Glfs;
import io.glio.gfapi.GlusterTestVolume;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real {@code targetcli serve} processes (two gateways, each with its own TARGETCLI_HOME,
 * configuration and socket) export one file of the real test volume, driven by one-shot
 * clients as an admin would: the second gets the first's wwn without being told, a disagreeing
 * {@code wwn=} is refused naming both, and {@code ls}/{@code info} show both gateways.
 */
class TwoGatewayProcessesTest {

    @TempDir
    Path dir;
    private GlusterTestVolume volume;
    private String file;
    private final List<Process> started = new ArrayList<>();

    private record Result(int rc, String out, String err) {
    }

    @BeforeEach
    void names() {
        volume = GlusterTestVolume.require();
        file = GlusterTestVolume.scratchName("gateways");
    }

    @AfterEach
    void stop() throws Exception {
        started.forEach(Process::destroyForcibly);
        for (Process p : started) {
            p.waitFor(10, TimeUnit.SECONDS);
        }
        try (Glfs glfs = volume.connect()) {
            glfs.unlink("/" + file);
        }
    }

    private ProcessBuilder java(String gateway, String... args) throws IOException {
        Path home = Files.createDirectories(dir.resolve(gateway));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglio.lu.heartbeatMillis=300", "-cp", System.getProperty("java.class.path"), "io.glio.shell.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("TARGETCLI_HOME", home.toString());
        pb.environment().put("TARGETCLI_CONFIG", home.resolve("saveconfig.json").toString());
        pb.environment().put("TARGETCLI_SOCKET", home.resolve("t.sock").toString());
        pb.environment().remove("NOTIFY_SOCKET");
        return pb;
    }

    private void serve(String gateway) throws Exception {
        Process p = java(gateway, "serve").redirectErrorStream(true).start();
        started.add(p);
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!seen.toString().contains("targetcli service: serving") && System.nanoTime() < deadline) {
            int c = p.getInputStream().read();
            if (c < 0) {
                break;
            }
            seen.append((char) c);
        }
        assertThat(seen.toString()).contains("targetcli service: serving");
    }

    private Result run(String gateway, String... args) throws Exception {
        Process p = java(gateway, args).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, err);
    }

    private void export(String gateway, String iqn) throws Exception {
        String cfg = volume.volume() + "@" + volume.host() + "/" + file;
        assertThat(run(gateway, "/backstores/user:glfs", "create", "lu", "4M", cfg).rc).isZero();
        assertThat(run(gateway, "set", "global", "auto_add_default_portal=false").rc).isZero();
        assertThat(run(gateway, "/iscsi", "create", iqn).rc).isZero();
        assertThat(run(gateway, "/iscsi/" + iqn + "/tpg1/luns", "create", "/backstores/user:glfs/lu").rc).isZero();
    }

    private static String wwnOf(String info) {
        Matcher m = Pattern.compile("(?m)^wwn: (\\S+)$").matcher(info);
        assertThat(m.find()).as(info).isTrue();
        return m.group(1);
    }

    @Test
    void twoGatewaysShareOneIdentityAndSeeEachOther() throws Exception {
        serve("a");
        serve("b");
        export("a", "iqn.2026-12.io.glio:gw-a");
        export("b", "iqn.2026-12.io.glio:gw-b");

        String wwnA = wwnOf(run("a", "/backstores/user:glfs/lu", "info").out);
        assertThat(wwnOf(run("b", "/backstores/user:glfs/lu", "info").out)).isEqualTo(wwnA);

        Result refused = run("b", "/backstores/user:glfs", "create", "other", "4M",
                volume.volume() + "@" + volume.host() + "/" + file, "wwn=00000000-0000-4000-8000-00000000000b");
        assertThat(refused.rc).isNotZero();
        assertThat(refused.err).contains("the volume records wwn " + wwnA,
                "wwn=00000000-0000-4000-8000-00000000000b was given", "force=true");
        assertThat(run("b", "ls", "/backstores/user:glfs").out).doesNotContain("other");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String ls = "";
        while (!ls.contains("2 gateways") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            ls = run("a", "ls", "/backstores/user:glfs").out;
        }
        assertThat(ls).contains("2 gateways: group 1 active/optimized (this one), group 2 active/optimized");
        String info = run("b", "/backstores/user:glfs/lu", "info").out;
        assertThat(info).contains("identity: shared through the volume", "iqn.2026-12.io.glio:gw-a tpg1",
                "iqn.2026-12.io.glio:gw-b tpg1", "(this one)");
    }
}
