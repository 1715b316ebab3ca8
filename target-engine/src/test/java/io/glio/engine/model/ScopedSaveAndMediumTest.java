package io.glio.engine.model;

import io.glio.saveconfig.SaveConfig;
import io.glio.saveconfig.SaveConfigReader;
import io.glio.saveconfig.SaveConfigWriter;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScopedSaveAndMediumTest {

    private static final String SAVED = """
            {"fabric_modules": [],
             "storage_objects": [
               {"name": "a", "plugin": "ramdisk", "size": 4096, "wwn": "wa"},
               {"name": "b", "plugin": "ramdisk", "size": 8192, "wwn": "wb"}],
             "targets": [
               {"fabric": "iscsi", "wwn": "iqn.2003-01.org.x:ta", "tpgs": [{"tag": 1, "enable": true,
                 "luns": [{"index": 0, "storage_object": "/backstores/ramdisk/a", "alias": "aaaaaaaaaa",
                           "alua_tg_pt_gp_name": "default_tg_pt_gp"}], "portals": [], "node_acls": []}]}]}
            """;

    @Test
    void scopedSaveReplacesOnlyThatObjectAndItsTarget() throws Exception {
        SaveConfig saved = SaveConfigReader.parse(SAVED, "saved.json");
        TargetModel model = TestEnv.model();
        StorageObject a = model.createRamdisk("a", 1 << 20, false, "wa2");
        Tpg tpg = model.createTpg(model.createTarget(Fabric.ISCSI, "iqn.2003-01.org.x:ta"), 1);
        model.createLun(tpg, 0, a, "bbbbbbbbbb");

        SaveConfig merged = model.dumpScoped(saved, a.savePath());

        assertThat(merged.storageObjects()).extracting(io.glio.saveconfig.StorageObject::name).containsExactly("a", "b");
        assertThat(merged.storageObjects().get(0).size()).isEqualTo(1L << 20);
        assertThat(merged.storageObjects().get(1).wwn()).isEqualTo("wb");
        assertThat(merged.targets().get(0).tpgs().get(0).luns().get(0).alias()).isEqualTo("bbbbbbbbbb");
    }

    @Test
    void scopedSaveOfADeletedObjectRemovesItAndItsTarget() throws Exception {
        SaveConfig saved = SaveConfigReader.parse(SAVED, "saved.json");
        TargetModel model = TestEnv.model();

        SaveConfig merged = model.dumpScoped(saved, "/backstores/ramdisk/a");

        assertThat(merged.storageObjects()).extracting(io.glio.saveconfig.StorageObject::name).containsExactly("b");
        assertThat(merged.targets()).isEmpty();
    }

    @Test
    void scopedSaveWithoutAFileStartsFromEmptyListsWithoutFabricModules() {
        TargetModel model = TestEnv.model();
        StorageObject a = model.createRamdisk("a", 4096, false, "wa");
        String json = SaveConfigWriter.toJson(model.dumpScoped(null, a.savePath()));
        assertThat(json).doesNotContain("fabric_modules").contains("\"name\": \"a\"").contains("\"targets\": []");
    }

    @Test
    void changeMediumSetsSizeAndConfigOfAUserObject() {
        TargetModel model = TestEnv.model();
        TestEnv.Recorder events = TestEnv.record(model);
        StorageObject g = model.createUser("g", 1 << 30, "glfs/v@h/a.img", null, null, null);
        model.changeMedium(g, 2L << 30, "v@h/b.img");
        assertThat(g.size()).hasValue(2L << 30);
        assertThat(g.config()).hasValue("glfs/v@h/b.img");
        assertThat(events.names()).containsExactly("StorageObjectAdded", "StorageObjectChanged");
        StorageObject rd = model.createRamdisk("rd", 4096, false, null);
        assertThatThrownBy(() -> model.changeMedium(rd, 8192, "x"))
                .hasMessage("ChangeMedium is only supported by user-backed storage objects");
    }

    @Test
    void blockObjectReportsTheDeviceSizeWhileTheDeviceIsThere() {
        FakeDevices devices = new FakeDevices().blockDevice("/dev/sdb", 8L << 30);
        TargetModel model = TestEnv.model(devices);
        StorageObject b = model.createBlock("b", "/dev/sdb", false, null);
        assertThat(b.size()).hasValue(8L << 30);
        assertThat(model.toJson()).doesNotContain("\"size\"");
    }

    @Test
    void theReferencesCompactExampleRestoresAndSavesWithoutLoss() throws Exception {
        // compact.json abbreviates repeated blocks with "…"; expand them from the first entry.
        String text = Files.readString(TestEnv.fixture("compact.json"));
        String alua = block(text, "\"alua_tpgs\": [", '[', ']');
        String attributes = block(text, "\"attributes\": {", '{', '}');
        String expanded = text.replace("\"alua_tpgs\": …", "\"alua_tpgs\": " + alua)
                .replace("\"attributes\": …", "\"attributes\": " + attributes);
        SaveConfig config = SaveConfigReader.parse(expanded, "compact.json");
        TargetModel model = TestEnv.model();

        assertThat(model.restore(config, RestoreOptions.ALL)).isEmpty();

        // The expansion gives the block entry fileio's emulate_write_cache=1; rtslib derives
        // write_back from that attribute, so it saves the block object as write-back.
        String expected = SaveConfigWriter.toJson(config).replace(
                "\"readonly\": false,\n      \"write_back\": false", "\"readonly\": false,\n      \"write_back\": true");
        assertThat(expected).isNotEqualTo(SaveConfigWriter.toJson(config));
        assertThat(model.toJson()).isEqualTo(expected);
        assertThat(model.storageObjects()).hasSize(4);
        assertThat(model.storageObject(Plugin.BLOCK, "disk0").orElseThrow().runtimeStatus())
                .hasValue("not available: /dev/sdb not found");
    }

    private static String block(String text, String start, char open, char close) {
        int from = text.indexOf(start) + start.length() - 1;
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return text.substring(from, i + 1);
            }
        }
        throw new IllegalStateException("unbalanced " + start);
    }
}
