package io.glio.saveconfig;

import static io.glio.saveconfig.RoundTripTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reader validates with its own interpreter of {@code saveconfig.schema.json}; this checks
 * that a general JSON Schema 2020-12 validator (networknt) reads the same schema file and agrees
 * on which documents are valid.
 */
class SchemaCrossCheckTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonSchema schema() throws IOException {
        try (InputStream in = SchemaValidator.class.getResourceAsStream(SchemaValidator.RESOURCE)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static boolean ownValidatorAccepts(String text) throws IOException {
        try {
            SaveConfigReader.parseLenient(text, "x.json");
            return true;
        } catch (SaveConfigException e) {
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"oracle/example.json", "oracle/backstores.json", "oracle/fabrics.json",
            "oracle/empty.json", "real-world/block-iscsi-generated-acls.json", "real-world/multi-target-chap-eui.json",
            "real-world/tcm_fc-alua-old-format.json", "python/unknown-keys.json"})
    void validFilesAreValidForBoth(String name) throws IOException {
        String text = resource(name);

        Set<ValidationMessage> messages = schema().validate(MAPPER.readTree(text));

        assertThat(messages).isEmpty();
        assertThat(ownValidatorAccepts(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[]",
        "{\"storage_objects\": [{\"name\": \"a\", \"plugin\": \"fileio\", \"size\": \"10G\"}]}",
        "{\"storage_objects\": [{\"plugin\": \"fileio\"}]}",
        "{\"targets\": [{\"fabric\": \"iscsi\", \"wwn\": \"iqn.x:y\", \"tpgs\": [{\"tag\": 70000}]}]}",
        "{\"targets\": [{\"fabric\": \"iscsi\", \"wwn\": \"iqn.x:y\", \"tpgs\": [{\"attributes\": {\"a\": {}}}]}]}",
        "{\"targets\": [{\"fabric\": \"iscsi\", \"wwn\": \"iqn.x:y\", \"tpgs\": [{\"luns\": [{\"index\": 0}]}]}]}",
        "{\"fabric_modules\": [{\"name\": \"iscsi\", \"discovery_enable_auth\": 1}]}"
    })
    void invalidDocumentsAreInvalidForBoth(String text) throws IOException {
        Set<ValidationMessage> messages = schema().validate(MAPPER.readTree(text));

        assertThat(messages).isNotEmpty();
        assertThat(ownValidatorAccepts(text)).isFalse();
    }
}
