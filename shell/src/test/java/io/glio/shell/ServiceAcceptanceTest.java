package io.glio.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.glio.engine.iscsi.Tools;
import io.glio.shell.ServiceProcesses.Result;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's acceptance with a real initiator: a {@code targetcli serve} process configured by
 * one shell that then exits, qemu-io (libiscsi) writing and reading over iSCSI, a second shell
 * seeing the LUN, and the configuration and data back after {@code kill -9} and after a SIGTERM
 * in the middle of a write stream. Ports 14450-14451.
 */
class ServiceAcceptanceTest {

    private static final String IQN = "iqn.2026-12.io.glio:serve-acceptance";
    private static final int CHUNK = 64 << 10;
    private static final Pattern WROTE = Pattern.compile("wrote 65536/65536 bytes at offset (\\d+)");

    @AutoClose
    private final ServiceProcesses procs = new ServiceProcesses();

    /** One shell's script: a fileio LUN on 127.0.0.1:{@code port} in demo mode, saved. */
    private String configure(String size, int port) {
        String tpg = "/iscsi/" + IQN + "/tpg1";
        return String.join("\n",
                "set global auto_add_default_portal=false",
                "/backstores/fileio create disk1 " + procs.dir().resolve("disk1.img") + " " + size,
                "/iscsi create " + IQN,
                tpg + "/portals create 127.0.0.1 " + port,
                tpg + "/luns create /backstores/fileio/disk1",
                tpg + " set attribute generate_node_acls=1 demo_mode_write_protect=0 authentication=0",
                "saveconfig", "");
    }

    private static String lun(int port) {
        return "iscsi://127.0.0.1:" + port + "/" + IQN + "/0";
    }

    /** qemu-io on LUN 0 of the test target with {@code commands}, one {@code -c} each. */
    private static List<String> qemuIo(int port, List<String> commands) {
        List<String> cmd = new ArrayList<>(List.of("qemu-io", "-f", "raw"));
        for (String c : commands) {
            cmd.add("-c");
            cmd.add(c);
        }
        cmd.add(lun(port));
        return cmd;
    }

    private static void assertReadsBack(int port, List<String> reads, int expectedReads) throws Exception {
        Tools.Result r = Tools.run(qemuIo(port, reads));
        assertThat(r.output()).doesNotContain("Pattern verification failed", "failed");
        assertThat(r.output().split("\n")).filteredOn(l -> l.matches("read \\d+/\\d+ bytes at offset \\d+"))
                .hasSize(expectedReads);
    }

    @Test
    void lunConfiguredByAShellThatExitedServesAndComesBackAfterKillNine() throws Exception {
        int port = 14450;
        Process service = procs.serve();
        Result configured = procs.pipe(configure("4M", port));
        assertThat(configured.err()).isEmpty();
        assertThat(configured.out()).contains("Attached to the targetcli service", "Created LUN 0.",
                "Configuration saved to " + procs.config());

        Tools.Result io = Tools.run(qemuIo(port, List.of("write -P 0xab 0 1M", "read -P 0xab 0 1M")));
        assertThat(io.output()).contains("wrote 1048576/1048576 bytes at offset 0",
                "read 1048576/1048576 bytes at offset 0").doesNotContain("Pattern verification failed");
        assertThat(procs.run(procs.java("ls", "/iscsi/" + IQN + "/tpg1/luns")).out())
                .contains("o- lun0 ", "[fileio/disk1 (" + procs.dir().resolve("disk1.img"));

        service.destroyForcibly();
        assertThat(service.waitFor(15, TimeUnit.SECONDS)).as("killed").isTrue();
        procs.serve();
        assertThat(procs.run(procs.java("ls", "/iscsi/" + IQN + "/tpg1/portals")).out()).contains("o- 127.0.0.1:" + port);
        assertReadsBack(port, List.of("read -P 0xab 0 1M"), 1);
    }

    @Test
    void sigtermDuringAWriteStreamExitsZeroInTheBoundAndLosesNothingAcknowledged() throws Exception {
        int port = 14451;
        int writes = 4096;
        Process service = procs.serve();
        assertThat(procs.pipe(configure(writes * CHUNK / (1 << 20) + "M", port)).err()).isEmpty();
        List<String> stream = new ArrayList<>();
        for (int k = 0; k < writes; k++) {
            stream.add("write -P " + pattern(k) + " " + (long) k * CHUNK + " 64k");
        }
        // Line-buffered, so the test sees each "wrote" line as qemu-io prints it.
        List<String> cmd = new ArrayList<>(List.of("stdbuf", "-oL"));
        cmd.addAll(qemuIo(port, stream));
        Process qemu = procs.start(new ProcessBuilder(cmd).redirectErrorStream(true));
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        Thread reader = collectLines(qemu, output);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledged(output).size() < 300 && qemu.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(acknowledged(output)).as("qemu-io wrote 300 chunks before the stop: %s", output).hasSizeGreaterThanOrEqualTo(300);

        long stopAt = System.nanoTime();
        service.destroy();
        assertThat(service.waitFor(20, TimeUnit.SECONDS)).as("service stopped").isTrue();
        long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopAt);
        assertThat(service.exitValue()).isZero();
        assertThat(stopMillis).as("stop time").isLessThan(12_000);
        // libiscsi retries the lost connection for a while: the rest of its output is what it saw.
        if (!qemu.waitFor(5, TimeUnit.SECONDS)) {
            qemu.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(10_000);
        List<String> after = output.subList(Math.max(0, output.size() - 8), output.size());
        System.out.println("ServiceAcceptanceTest: qemu-io's last lines: " + after);
        Map<Long, String> done = acknowledged(output);
        System.out.printf("ServiceAcceptanceTest: SIGTERM after 300 acknowledged 64k writes; %d acknowledged in all,"
                + " service exited 0 in %d ms%n", done.size(), stopMillis);

        procs.serve();
        List<String> reads = new ArrayList<>();
        done.forEach((offset, p) -> reads.add("read -P " + p + " " + offset + " 64k"));
        assertReadsBack(port, reads, reads.size());
    }

    /** The pattern of the {@code k}th write: never 0, so a chunk never written cannot pass for it. */
    private static String pattern(int k) {
        return "0x" + Integer.toHexString(k % 255 + 1);
    }

    /** Offset to pattern of every write qemu-io reported done. */
    private static Map<Long, String> acknowledged(List<String> output) {
        Map<Long, String> done = new LinkedHashMap<>();
        synchronized (output) {
            for (String line : output) {
                Matcher m = WROTE.matcher(line);
                if (m.matches()) {
                    long offset = Long.parseLong(m.group(1));
                    done.put(offset, pattern((int) (offset / CHUNK)));
                }
            }
        }
        return done;
    }

    /** Reads {@code p}'s output into {@code lines} on a thread of its own until it ends. */
    private static Thread collectLines(Process p, List<String> lines) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(output ended: " + e.getMessage() + ")");
            }
        }, "qemu-io-output");
        t.start();
        return t;
    }
}
