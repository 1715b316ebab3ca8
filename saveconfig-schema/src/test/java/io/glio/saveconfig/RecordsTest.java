package io.glio.saveconfig;

import static io.glio.saveconfig.RoundTripTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordsTest {

    @Test
    void unknownKeysAtEveryLevelAndExplicitNullsSurviveLoadAndSave() throws IOException {
        String input = resource("python/unknown-keys.json");

        SaveConfig config = SaveConfigReader.parse(input, "unknown-keys.json");

        assertThat(SaveConfigWriter.toJson(config)).isEqualTo(resource("python/unknown-keys.expected"));
        assertThat(config.extra()).containsOnlyKeys("future_root");
        StorageObject disk = config.storageObjects().get(0);
        assertThat(disk.extra()).containsOnlyKeys("buffered_mode", "exists", "future_so");
        assertThat(disk.attributes().get("emulate_future").textValue()).isEqualTo("on");
        assertThat(disk.aluaTpgs().get(0).intParam("alua_access_state")).isZero();
        assertThat(config.storageObjects().get(1).wwn()).isNull();
        assertThat(config.storageObjects().get(1).extra()).isEmpty();
        Tpg tpg = config.targets().get(0).tpgs().get(0);
        assertThat(tpg.luns().get(0).aluaTgPtGpName()).isNull();
        assertThat(tpg.luns().get(0).extra()).containsOnlyKeys("alua_tg_pt_gp_name", "future_lun");
        assertThat(tpg.nodeAcls().get(0).tcqDepth().textValue()).isEqualTo("16");
        assertThat(tpg.nodeAcls().get(0).mappedLuns().get(0).writeProtect()).isTrue();
    }

    @Test
    void attributeValuesKeepTheirJsonTypeAndFileOrder() throws IOException {
        SaveConfig config = SaveConfigReader.parse(resource("oracle/fabrics.json"), "fabrics.json");

        Target target = config.targets().stream()
                .filter(t -> t.wwn().equals("iqn.2003-01.org.linux-iscsi.test:target1")).findFirst().orElseThrow();
        Tpg tpg = target.tpgs().stream().filter(t -> t.tag() == 1).findFirst().orElseThrow();
        assertThat(tpg.attributes().get("authentication").isInt()).isTrue();
        assertThat(tpg.parameters().get("MaxRecvDataSegmentLength").textValue()).isEqualTo("262144");
        assertThat(List.copyOf(tpg.attributes().keySet())).isSorted();
    }

    @Test
    void configBuiltFromCodeIsWrittenAsRtslibWould() {
        var one = JsonNodeFactory.instance.numberNode(1);
        SaveConfig config = SaveConfig.of(
                List.of(FabricModule.discoveryAuth("iscsi", Chap.oneWay("disc", "pw"))),
                List.of(StorageObject.ramdisk("rd0", 1048576, true, "ac22f0d2").withAttribute("block_size", 512),
                        StorageObject.pscsi("pt", "/dev/sdz")),
                List.of(Target.of("iscsi", "iqn.2003-01.org.example:t1", List.of(
                        Tpg.of(1, true, Map.of("authentication", one), Map.of(),
                                List.of(Lun.of(0, "/backstores/ramdisk/rd0", "f01ea4c42a", "default_tg_pt_gp"),
                                        Lun.of(1, "/backstores/pscsi/pt", "90a8a727df", null)),
                                List.of(Portal.of("[::1]", 3260)),
                                List.of(NodeAcl.of("iqn.1994-05.com.redhat:c1", Map.of(),
                                        List.of(MappedLun.of(0, 1, true, "60795040b0")), "web",
                                        Chap.mutual("u", "p", "mu", "mp"))),
                                Chap.NONE)))));

        assertThat(SaveConfigWriter.toJson(config)).isEqualTo("""
                {
                  "fabric_modules": [
                    {
                      "discovery_enable_auth": true,
                      "discovery_password": "pw",
                      "discovery_userid": "disc",
                      "name": "iscsi"
                    }
                  ],
                  "storage_objects": [
                    {
                      "alua_tpgs": [],
                      "attributes": {
                        "block_size": 512
                      },
                      "name": "rd0",
                      "nullio": true,
                      "plugin": "ramdisk",
                      "size": 1048576,
                      "wwn": "ac22f0d2"
                    },
                    {
                      "alua_tpgs": [],
                      "attributes": {},
                      "dev": "/dev/sdz",
                      "name": "pt",
                      "plugin": "pscsi"
                    }
                  ],
                  "targets": [
                    {
                      "fabric": "iscsi",
                      "tpgs": [
                        {
                          "attributes": {
                            "authentication": 1
                          },
                          "enable": true,
                          "luns": [
                            {
                              "alias": "f01ea4c42a",
                              "alua_tg_pt_gp_name": "default_tg_pt_gp",
                              "index": 0,
                              "storage_object": "/backstores/ramdisk/rd0"
                            },
                            {
                              "alias": "90a8a727df",
                              "alua_tg_pt_gp_name": null,
                              "index": 1,
                              "storage_object": "/backstores/pscsi/pt"
                            }
                          ],
                          "node_acls": [
                            {
                              "attributes": {},
                              "chap_mutual_password": "mp",
                              "chap_mutual_userid": "mu",
                              "chap_password": "p",
                              "chap_userid": "u",
                              "mapped_luns": [
                                {
                                  "alias": "60795040b0",
                                  "index": 0,
                                  "tpg_lun": 1,
                                  "write_protect": true
                                }
                              ],
                              "node_wwn": "iqn.1994-05.com.redhat:c1",
                              "tag": "web"
                            }
                          ],
                          "parameters": {},
                          "portals": [
                            {
                              "ip_address": "[::1]",
                              "iser": false,
                              "offload": false,
                              "port": 3260
                            }
                          ],
                          "tag": 1
                        }
                      ],
                      "wwn": "iqn.2003-01.org.example:t1"
                    }
                  ]
                }
                """);
    }

    @Test
    void typedValueWinsOverAnExtraEntryOfTheSameKey() {
        Lun lun = new Lun(0, "/backstores/fileio/a", null, "grp",
                Map.of("alua_tg_pt_gp_name", NullNode.getInstance()));

        String json = SaveConfigWriter.toJson(SaveConfig.empty().withTargets(List.of(Target.of("iscsi", "iqn.x:y",
                List.of(new Tpg(1, null, null, null, List.of(lun), null, null, null, null))))));

        assertThat(json).contains("\"alua_tg_pt_gp_name\": \"grp\"").doesNotContain("null");
    }

    @Test
    void recordsAreImmutableCopies() {
        var luns = new java.util.ArrayList<Lun>();
        Tpg tpg = Tpg.of(1, true, null, null, luns, List.of(), List.of(), null);
        luns.add(Lun.of(0, "/backstores/fileio/a", "x", "g"));

        assertThat(tpg.luns()).isEmpty();
        assertThat(tpg.chap()).isEqualTo(Chap.NONE);
    }

    @Test
    void emptyMeansNoStorageObjectsTargetsOrFabricModules() {
        assertThat(SaveConfig.empty().isEmpty()).isTrue();
        assertThat(new SaveConfig(null, null, null, null).isEmpty()).isTrue();
        assertThat(SaveConfig.empty().withStorageObjects(List.of(StorageObject.pscsi("p", "/dev/sdz"))).isEmpty())
                .isFalse();
    }
}
