package io.glio.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acceptance scenario, typed by an admin and piped to the shell. */
class SeedScenarioTest {

    private static final String WWN = "653e4072-8aad-4e9d-900e-4059f0e19e7e";

    @TempDir
    Path home;
    @TempDir
    Path configDir;


    private JsonNode glfsObject(OracleRun run) throws IOException {
        JsonNode saved = new ObjectMapper().readTree(run.savedJson);
        assertThat(saved.get("storage_objects")).hasSize(1);
        return saved.get("storage_objects").get(0);
    }

    @Test
    void glfsObjectOnUnreachableHostIsCreatedExportedAndSaved() throws IOException {
        String iqn = "iqn.2003-01.org.linux-iscsi.gw.x8664:sn.0123456789ab";
        String tpg = "/iscsi/" + iqn + "/tpg1";
        String script = "/backstores/user:glfs create myLUN 100G iscsi-pool@iscsi-3/mytest.img\n"
                + "/iscsi create " + iqn + "\n"
                + tpg + "/acls create iqn.1994-05.com.redhat:client\n"
                + tpg + "/luns create /backstores/user:glfs/myLUN\n"
                + "saveconfig\n";
        OracleRun run = OracleRun.run(script, home, configDir);

        assertThat(run.stderr).isEmpty();
        assertThat(run.stdout).contains("Created user-backed storage object myLUN size 107374182400.",
                "Created LUN 0.", "Created LUN 0->0 mapping in node ACL iqn.1994-05.com.redhat:client",
                "Configuration saved to " + configDir.resolve("saveconfig.json"));
        JsonNode so = glfsObject(run);
        assertThat(so.get("config").asText()).isEqualTo("glfs/iscsi-pool@iscsi-3/mytest.img");
        assertThat(so.get("plugin").asText()).isEqualTo("user");
        assertThat(so.get("size").asLong()).isEqualTo(107374182400L);
        assertThat(so.get("wwn").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        JsonNode lun = new ObjectMapper().readTree(run.savedJson).get("targets").get(0).get("tpgs").get(0)
                .get("luns").get(0);
        assertThat(lun.get("storage_object").asText()).isEqualTo("/backstores/user/myLUN");
    }

    @Test
    void secondConfigurationKeepsTheExplicitWwn() throws IOException {
        OracleRun run = OracleRun.run("/backstores/user:glfs create myLUN 100G iscsi-pool@iscsi-3/mytest.img wwn="
                + WWN + "\nsaveconfig\n", home, configDir);

        assertThat(run.stderr).isEmpty();
        JsonNode so = glfsObject(run);
        assertThat(so.get("wwn").asText()).isEqualTo(WWN);
        assertThat(so.get("config").asText()).isEqualTo("glfs/iscsi-pool@iscsi-3/mytest.img");
        assertThat(so.get("size").asLong()).isEqualTo(107374182400L);
    }

    @Test
    void savedConfigurationIsServedAgainByTheNextShell() throws IOException {
        OracleRun.run("/backstores/user:glfs create myLUN 100G iscsi-pool@iscsi-3/mytest.img wwn=" + WWN + "\n",
                home, configDir);
        OracleRun second = OracleRun.run("ls /backstores/user:glfs\n/backstores/user:glfs/myLUN info\n", home,
                configDir);

        assertThat(second.stdout).contains("myLUN", "iscsi-pool@iscsi-3/mytest.img (100.0GiB) deactivated",
                "wwn: " + WWN);
        assertThat(Files.readString(configDir.resolve("saveconfig.json"))).contains(WWN);
    }
}
