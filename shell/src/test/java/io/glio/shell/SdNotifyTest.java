package io.glio.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.glio.engine.iscsi.Tools;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * systemd's readiness protocol against a real listener: a python3 AF_UNIX datagram socket bound
 * where {@code $NOTIFY_SOCKET} says (a path, or {@code @name} in Linux's abstract namespace, the
 * two forms systemd uses) prints each datagram a {@code targetcli serve} process sends. READY=1
 * comes only once the portal listens; SIGTERM sends STOPPING=1. Ports 14460-14461.
 */
class SdNotifyTest {

    /**
     * Prints "listening", then each datagram on one line, its newlines as \n; 30 s without one
     * ends it with a traceback, so the test's reads are bounded.
     */
    private static final String LISTENER = String.join("\n",
            "import socket, sys",
            "s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)",
            "a = sys.argv[1]",
            "s.bind('\\0' + a[1:] if a.startswith('@') else a)",
            "s.settimeout(30)",
            "print('listening', flush=True)",
            "while True:",
            "    print(s.recv(4096).decode().replace('\\n', '\\\\n'), flush=True)",
            "");

    @AutoClose
    private final ServiceProcesses procs = new ServiceProcesses();

    @ParameterizedTest(name = "NOTIFY_SOCKET as {0}")
    @ValueSource(strings = {"path", "abstract"})
    void readyComesOnceThePortalListensAndStoppingOnSigterm(String form) throws Exception {
        int port = form.equals("path") ? 14460 : 14461;
        String iqn = "iqn.2026-12.io.glio:notify-" + form;
        for (String line : new String[] {"set global auto_add_default_portal=false",
                "/backstores/ramdisk create rd1 1M", "/iscsi create " + iqn,
                "/iscsi/" + iqn + "/tpg1/portals create 127.0.0.1 " + port,
                "/iscsi/" + iqn + "/tpg1/luns create /backstores/ramdisk/rd1",
                "/iscsi/" + iqn + "/tpg1 set attribute generate_node_acls=1 demo_mode_write_protect=0 authentication=0"}) {
            assertThat(procs.run(procs.java(line.split(" "))).err()).as(line).isEmpty();
        }
        String address = form.equals("path") ? procs.dir().resolve("notify.sock").toString()
                : "@glio-notify-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Process listener = procs.start(new ProcessBuilder("python3", "-c", LISTENER, address)
                .redirectErrorStream(true));
        BufferedReader heard = new BufferedReader(new InputStreamReader(listener.getInputStream(), StandardCharsets.UTF_8));
        assertThat(heard.readLine()).isEqualTo("listening");

        ProcessBuilder serve = procs.java("serve");
        serve.environment().put("NOTIFY_SOCKET", address);
        Process service = procs.start(serve.redirectErrorStream(true));
        String ready = heard.readLine();
        // At once, before anything else: the portal must already accept a connection and a login.
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        }
        assertThat(ready).isEqualTo("READY=1\\nMAINPID=" + service.pid());
        Tools.Result info = Tools.run("qemu-img", "info", "iscsi://127.0.0.1:" + port + "/" + iqn + "/0");
        assertThat(info.output()).contains("virtual size: 1 MiB");

        service.destroy();
        assertThat(heard.readLine()).isEqualTo("STOPPING=1");
        assertThat(service.waitFor(15, TimeUnit.SECONDS)).as("stopped").isTrue();
        assertThat(service.exitValue()).isZero();
    }
}
