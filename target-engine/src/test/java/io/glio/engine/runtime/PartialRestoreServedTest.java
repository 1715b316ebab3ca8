package io.glio.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glio.engine.iscsi.IscsiServer;
import io.glio.engine.model.RestoreOptions;
import io.glio.engine.model.TargetModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real-world saveconfig.json (multi-target-chap-eui.json, its backing file and portals moved
 * onto this machine, mutual CHAP dropped) with one storage object's size corrupted: after the restore, a LUN of the
 * rest answers over iSCSI, with the file's CHAP, and the file is untouched.
 */
class PartialRestoreServedTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = "iqn.2016-12.suse.com.target1";
    private static final String INITIATOR = "iqn.2016-12.suse.com.lszhu.init";

    @Test
    void theValidPartOfAPartlyInvalidFileIsServed(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path backing = dir.resolve("target2.raw");
        try (RandomAccessFile f = new RandomAccessFile(backing.toFile(), "rw")) {
            f.setLength(104857600);
        }
        ObjectNode root = (ObjectNode) JSON.readTree(
                Files.readString(Path.of("/work/shared/fixtures/saveconfig-real-world/multi-target-chap-eui.json")));
        ((ObjectNode) root.at("/storage_objects/3")).put("dev", backing.toString());
        // The test client speaks one-way CHAP only: drop the ACL's mutual credentials.
        ((ObjectNode) root.at("/targets/5/tpgs/1/node_acls/1")).put("chap_mutual_userid", "")
                .put("chap_mutual_password", "");
        ((ObjectNode) root.at("/storage_objects/4")).put("size", "abc");
        for (JsonNode portal : root.findValues("portals")) {
            portal.forEach(p -> ((ObjectNode) p).put("ip_address", "127.0.0.1").put("port", port));
        }
        Path file = dir.resolve("saveconfig.json");
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        byte[] before = Files.readAllBytes(file);

        TargetModel model = new TargetModel();
        List<String> errors = model.restoreFromFile(file, RestoreOptions.ALL);

        // Then rtslib's lines: this machine's /dev/sdb and /dev/sdc, whatever they are here, and
        // the LUN of the skipped object.
        assertThat(errors.get(0)).isEqualTo("storage_objects[4].size: expected an integer, got string \"abc\", skipped");
        assertThat(errors).contains("Could not find matching StorageObject for LUN 4, skipped");
        try (DeviceRegistry devices = new DeviceRegistry(model, DeviceRegistry.localProviders());
             IscsiServer server = new IscsiServer(model, devices)) {
            server.start();
            try (IscsiClient client = new IscsiClient("127.0.0.1", port, Duration.ofSeconds(10))) {
                assertThat(client.login(INITIATOR, TARGET, "lszhu", "lszhu", false, false).ok()).isTrue();
                // Mapped LUN 2 is TPG LUN 3: iscsi_file2.
                client.useLun(2);
                IscsiClient.Result read = client.read16(0, 1, 512);
                if (!read.good()) {
                    read = client.read16(0, 1, 512); // the nexus's power-on unit attention first
                }
                assertThat(read.good()).as(read.senseText()).isTrue();
            }
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }
}
