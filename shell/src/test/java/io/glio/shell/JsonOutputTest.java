package io.glio.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every {@code --json} document validates against the documented schema (output.schema.json,
 * printed in targetcli(8)) with a general JSON Schema 2020-12 validator, and values are typed.
 */
class JsonOutputTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TPG = "/iscsi/iqn.2003-01.org.linux-iscsi.test:json/tpg1";
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Shell shell;

    @BeforeEach
    void configure() {
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        shell = new Shell(OracleRun.testModel(), Prefs.inMemory(), new Console(print, print, Prefs.inMemory(), false, 0),
                Path.of("/nonexistent/saveconfig.json"));
        for (String line : List.of("/backstores/ramdisk create rd1 1M nullio=true",
                "/iscsi create iqn.2003-01.org.linux-iscsi.test:json", TPG + "/luns create /backstores/ramdisk/rd1",
                TPG + "/acls create iqn.1994-05.com.redhat:c1")) {
            shell.execute(line);
        }
    }

    private JsonNode json(String line) throws IOException {
        out.reset();
        shell.execute(line);
        return MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
    }

    /** The schema of one command's document: its $defs entry, with the other definitions it refers to. */
    private static JsonSchema schema(String command) throws IOException {
        try (InputStream in = JsonOutput.class.getResourceAsStream(JsonOutput.SCHEMA)) {
            ObjectNode root = (ObjectNode) MAPPER.readTree(in);
            root.put("$ref", "#/$defs/" + command);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
        }
    }

    private static void assertValid(String command, JsonNode doc) throws IOException {
        assertThat(schema(command).validate(doc)).as(command + ": " + doc).isEmpty();
    }

    @Test
    void everyCommandsDocumentValidatesAgainstTheSchema() throws IOException {
        assertValid("ls", json("ls / --json"));
        assertValid("info", json("/backstores/ramdisk/rd1 info --json"));
        assertValid("info", json(TPG + "/acls/iqn.1994-05.com.redhat:c1 info --json"));
        assertValid("get", json("/backstores/ramdisk/rd1 get --json"));
        assertValid("get", json("/backstores/ramdisk/rd1 get attribute --json"));
        assertValid("get", json(TPG + " get parameter MaxBurstLength --json"));
        assertValid("get", json("get global --json"));
        assertValid("status", json(TPG + " status --json"));
        assertValid("sessions", json("sessions --json"));
        assertValid("sessions", json("sessions detail --json"));
    }

    @Test
    void sessionsOfAServingEngineValidateToo() throws IOException {
        shell.setSessions(ShellTest.oneSession("iqn.1994-05.com.redhat:c1", "ramdisk/rd1"));
        JsonNode doc = json("sessions detail 3 --json");
        assertValid("sessions", doc);
        assertThat(doc.at("/sessions/0/sid").isInt()).isTrue();
        assertThat(doc.at("/sessions/0/luns/0/write_protect").isBoolean()).isTrue();
    }

    @Test
    void valuesAreTypedAndTheSchemaRejectsStrings() throws IOException {
        JsonNode info = json("/backstores/ramdisk/rd1 info --json");
        assertThat(info.get("size").isIntegralNumber()).isTrue();
        assertThat(info.get("size").asLong()).isEqualTo(1 << 20);
        assertThat(info.get("nullio").isBoolean()).isTrue();
        JsonNode attr = json("/backstores/ramdisk/rd1 get attribute block_size --json");
        assertThat(attr.at("/parameters/block_size/value").isIntegralNumber()).isTrue();
        assertThat(attr.at("/parameters/block_size/writable").asBoolean()).isTrue();
        JsonNode global = json("get global logfile auto_save_on_exit --json");
        assertThat(global.at("/parameters/logfile/value").isNull()).isTrue();
        assertThat(global.at("/parameters/auto_save_on_exit/value").isBoolean()).isTrue();
        JsonNode status = json(TPG + " status --json");
        assertThat(status.get("summary").asText()).isEqualTo("no-gen-acls, no-auth");

        // The schema is not vacuous: a stringly healthy flag or an unknown key is refused.
        ObjectNode bad = (ObjectNode) status.deepCopy();
        bad.put("healthy", "true");
        assertThat(schema("status").validate(bad)).isNotEmpty();
        assertThat(schema("ls").validate(MAPPER.readTree("{\"name\": \"x\"}"))).isNotEmpty();
    }
}
