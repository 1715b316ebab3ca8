package io.glio.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glio.engine.backing.glfs.meta.GatewayEntry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glio.engine.backing.StoreState;
import io.glio.engine.model.Plugin;
import io.glio.engine.model.StorageObject;
import io.glio.engine.model.TargetModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shell runtime driven line by line, as every way in drives it. */
class ShellTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final TargetModel model = OracleRun.testModel();
    private final Shell shell = new Shell(model, Prefs.inMemory(),
            new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                    Prefs.inMemory(), false, 0), Path.of("/nonexistent/saveconfig.json"));

    private String run(String line) {
        out.reset();
        err.reset();
        shell.run(line);
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runtimeStatusFromTheEngineShowsInLsAsUnhealthy() {
        run("/backstores/user:glfs create myLUN 100G iscsi-pool@iscsi-3/mytest.img");
        StorageObject so = model.storageObject(Plugin.USER, "myLUN").orElseThrow();
        shell.setStores(o -> Optional.of(o == so ? StoreState.notConnected("iscsi-3: Name or service not known")
                : StoreState.CONNECTED_STATE));

        assertThat(shell.resolve(shell.root(), "/backstores/user:glfs/myLUN").summary())
                .isEqualTo(new Summary("iscsi-pool@iscsi-3/mytest.img (100.0GiB) deactivated, "
                        + "not connected: iscsi-3: Name or service not known", false));
        assertThat(run("ls /backstores/user:glfs 1")).contains("not connected: iscsi-3: Name or service not known]");

        shell.setStores(o -> Optional.of(StoreState.CONNECTED_STATE));
        assertThat(shell.resolve(shell.root(), "/backstores/user:glfs/myLUN").summary())
                .isEqualTo(new Summary("iscsi-pool@iscsi-3/mytest.img (100.0GiB) deactivated", true));
    }

    @Test
    void forceWithoutAWwnIsRefusedNamingTheValueAndCreatesNothing() {
        assertThat(run("/backstores/user:glfs create lu 1M vol@host/f.img force=true"))
                .contains("force=true needs a wwn to force.");
        assertThat(model.storageObject(Plugin.USER, "lu")).isEmpty();
    }

    @Test
    void aSharedLuShowsItsGatewaysInLsAndInfo() {
        run("/backstores/user:glfs create lu 1M vol@host/f.img");
        GatewayEntry mine = new GatewayEntry("gw-a", "iqn.2026-12.io.glio:a", 1, List.of("10.0.0.1:3260"), 1, 1, 7);
        GatewayEntry theirs = new GatewayEntry("gw-b", "iqn.2026-12.io.glio:b", 1, List.of("10.0.0.2:3260"), 2, 2, 9);
        shell.setStores(new SharedStores(theirs, mine));

        assertThat(shell.resolve(shell.root(), "/backstores/user:glfs/lu").summary()).isEqualTo(new Summary(
                "vol@host/f.img (1.0MiB) deactivated, 2 gateways: group 1 active/optimized (this one), group 2 active/optimized", true));
        assertThat(run("/backstores/user:glfs/lu info")).contains("identity: shared through the volume",
                "gateway_1: gw-a (this one) iqn.2026-12.io.glio:a tpg1 10.0.0.1:3260 active/optimized (port group 1, relative port 1)",
                "gateway_2: gw-b iqn.2026-12.io.glio:b tpg1 10.0.0.2:3260 active/optimized (port group 2, relative port 2)");
        // Other objects keep targetcli's text.
        run("/backstores/ramdisk create rd 1M");
        assertThat(shell.resolve(shell.root(), "/backstores/ramdisk/rd").summary())
                .isEqualTo(new Summary("(1.0MiB) deactivated", true));
    }

    @Test
    void lsJsonGivesTheTreeWithSummariesAndHealth() throws IOException {
        run("/backstores/ramdisk create rd1 1M");
        JsonNode tree = new ObjectMapper().readTree(run("ls /backstores 2 --json"));

        assertThat(tree.get("path").asText()).isEqualTo("/backstores");
        assertThat(tree.get("healthy").isNull()).isTrue();
        JsonNode ramdisk = tree.get("children").get(3);
        assertThat(ramdisk.get("name").asText()).isEqualTo("ramdisk");
        assertThat(ramdisk.get("summary").asText()).isEqualTo("Storage Objects: 1");
        JsonNode rd1 = ramdisk.get("children").get(0);
        assertThat(rd1.get("summary").asText()).isEqualTo("(1.0MiB) deactivated");
        assertThat(rd1.get("healthy").asBoolean()).isTrue();
        assertThat(rd1.get("children")).isEmpty();
    }

    @Test
    void infoJsonGivesTheKeysAsAnObject() throws IOException {
        run("/backstores/ramdisk create rd1 1M nullio=true");
        JsonNode info = new ObjectMapper().readTree(run("/backstores/ramdisk/rd1 info --json"));
        assertThat(info.get("name").asText()).isEqualTo("rd1");
        assertThat(info.get("plugin").asText()).isEqualTo("ramdisk");
        assertThat(info.get("nullio").isBoolean()).isTrue();
        assertThat(info.get("nullio").asBoolean()).isTrue();
    }

    @Test
    void internalFailureIsOneLineAndTheShellGoesOn() {
        assertThat(shell.run("/backstores/ramdisk create rd1 1M")).isTrue();
        assertThat(run("/backstores/ramdisk/rd1 saveconfig /proc/no/such/dir/x.json").lines().count()).isEqualTo(1);
        assertThat(run("pwd")).isEqualTo("/\n");
    }

    @Test
    void executeThrowsTheMessageForOneShotUse() {
        assertThatThrownBy(() -> shell.execute("/backstores/fileio delete nosuch"))
                .isInstanceOf(ShellException.class).hasMessage("No storage object named nosuch.");
    }

    @Test
    void everyChildRunsTheCommandUnderItsPath() {
        run("/iscsi create iqn.2003-01.org.linux-iscsi.test:t1");
        run("cd /iscsi/iqn.2003-01.org.linux-iscsi.test:t1/tpg1");
        String text = run("* status");
        String tpg = "/iscsi/iqn.2003-01.org.linux-iscsi.test:t1/tpg1";
        assertThat(text.lines().toList()).containsExactly(
                "[" + tpg + "/acls]", "Status for " + tpg + "/acls: ACLs: 0",
                "[" + tpg + "/luns]", "Status for " + tpg + "/luns: LUNs: 0",
                "[" + tpg + "/portals]", "Status for " + tpg + "/portals: Portals: 1");
    }

    @Test
    void tagsGroupAclsUnderOneNodeAndUntagRestoresThem() {
        run("/iscsi create iqn.2003-01.org.linux-iscsi.test:t1");
        String acls = "/iscsi/iqn.2003-01.org.linux-iscsi.test:t1/tpg1/acls";
        run(acls + " create iqn.1994-05.com.redhat:c1");
        run(acls + " create iqn.1994-05.com.redhat:c2");
        run(acls + " tag iqn.1994-05.com.redhat:c1 web");
        run(acls + " tag iqn.1994-05.com.redhat:c2 web");

        List<String> tagged = run("ls " + acls).lines().toList();
        assertThat(tagged).hasSize(2);
        assertThat(tagged.get(1)).startsWith("  o- web ").endsWith("[(group of 2), Mapped LUNs: 0]");
        assertThat(run(acls + "/web info")).isEqualTo("tag: web\nwwns:\niqn.1994-05.com.redhat:c1\niqn.1994-05.com.redhat:c2\n");

        run(acls + " untag web");
        assertThat(run("ls " + acls)).contains("o- iqn.1994-05.com.redhat:c1 ", "o- iqn.1994-05.com.redhat:c2 ");
    }

    @Test
    void sessionsWithoutAnEngineSaysNothingIsServed() {
        assertThat(run("sessions")).isEqualTo(
                "No target is being served by this shell (no engine attached).\n(no open sessions)\n");
    }

    /** An engine serving one session (sid 3, alias client, one LUN, one connection). */
    static SessionSource oneSession(String initiator, String backstore) {
        return new SessionSource() {
            @Override
            public boolean serving() {
                return true;
            }

            @Override
            public List<SessionInfo> sessions() {
                return List.of(new SessionInfo(3, "client", initiator, "Normal", "LOGGED_IN", false,
                        List.of(new MappedLunInfo(0, backstore, false)),
                        List.of(new ConnectionInfo("10.0.0.5", "TCP", 0, "LOGGED_IN"))));
            }
        };
    }

    @Test
    void sessionsListsWhatTheEngineReports() {
        shell.setSessions(oneSession("iqn.1994-05.com.redhat:client", "user/myLUN"));
        assertThat(run("sessions detail 3")).isEqualTo("alias: client\tsid: 3 type: Normal session-state: LOGGED_IN\n"
                + "    name: iqn.1994-05.com.redhat:client (NOT AUTHENTICATED)\n"
                + "    mapped-lun: 0 backstore: user/myLUN mode: rw\n"
                + "    address: 10.0.0.5 (TCP)  cid: 0 connection-state: LOGGED_IN\n");
        assertThat(run("sessions list 4")).isEqualTo("no session found with sid 4\n");
    }
}
