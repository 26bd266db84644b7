package io.atspro.resume;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema sent to the model describes exactly the shape ResumeData reads and writes. */
class ResumeDataSchemaTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void itIsTheStrictStructuredOutputFormat() {
        JsonNode format = ResumeDataSchema.jsonSchema();

        assertThat(format.path("name").asText()).isEqualTo("resume_data");
        assertThat(format.path("strict").asBoolean()).isTrue();
        assertThat(format.path("schema")).isEqualTo(ResumeDataSchema.resumeData());
    }

    @Test
    void everyObjectListsAllItsPropertiesAsRequiredAndNoOthers() {
        List<JsonNode> objects = new ArrayList<>();
        collectObjects(ResumeDataSchema.resumeData(), objects);

        assertThat(objects).hasSize(6);
        for (JsonNode object : objects) {
            List<String> properties = new ArrayList<>();
            object.path("properties").fieldNames().forEachRemaining(properties::add);
            List<String> required = new ArrayList<>();
            object.path("required").forEach(name -> required.add(name.asText()));
            assertThat(required).isEqualTo(properties);
            assertThat(object.path("additionalProperties").isBoolean()).isTrue();
            assertThat(object.path("additionalProperties").asBoolean()).isFalse();
        }
    }

    @Test
    void itsPropertiesAreResumeDatasFieldsAtEveryLevel() {
        JsonNode written = json.valueToTree(ResumeDataTest.sample());

        assertSameFields(ResumeDataSchema.resumeData(), written, "resume_data");
    }

    /** Every field ResumeData writes has a property in the schema and the other way round, down every level. */
    private static void assertSameFields(JsonNode schema, JsonNode value, String path) {
        if (value.isObject()) {
            List<String> fields = new ArrayList<>();
            value.fieldNames().forEachRemaining(fields::add);
            List<String> properties = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(properties::add);
            assertThat(properties).as(path).isEqualTo(fields);
            fields.forEach(f -> assertSameFields(schema.path("properties").path(f), value.get(f), path + "." + f));
        } else if (value.isArray() && !value.isEmpty()) {
            assertSameFields(schema.path("items"), value.get(0), path + "[]");
        }
    }

    private static void collectObjects(JsonNode schema, List<JsonNode> objects) {
        if ("object".equals(schema.path("type").asText())) {
            objects.add(schema);
            schema.path("properties").forEach(p -> collectObjects(p, objects));
        } else if ("array".equals(schema.path("type").asText())) {
            collectObjects(schema.path("items"), objects);
        }
    }
}
