package io.atspro.resume;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON schema of {@link ResumeData}'s snake_case shape, for a model's structured output in strict mode: every
 * property required, nullable ones typed {@code [type, "null"]}, no other properties. The sizes and the email rule
 * are checked afterwards by Bean Validation, as for any resume_data.
 */
final class ResumeDataSchema {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String DATE = "A date as written in the resume, as YYYY, YYYY-MM or YYYY-MM-DD; null if none";

    private ResumeDataSchema() {
    }

    /** {@code {name: "resume_data", strict: true, schema: ...}}, the value of {@code response_format.json_schema}. */
    static ObjectNode jsonSchema() {
        ObjectNode format = NODES.objectNode();
        format.put("name", "resume_data");
        format.put("strict", true);
        format.set("schema", resumeData());
        return format;
    }

    static ObjectNode resumeData() {
        ObjectNode link = object()
                .set("name", text("The site or label, e.g. LinkedIn, GitHub, Portfolio"))
                .set("url", NODES.objectNode().put("type", "string").put("description", "The address as written"))
                .build();
        ObjectNode contact = object()
                .set("full_name", text("The person's name"))
                .set("email", text("Email address"))
                .set("phone", text("Phone number as written"))
                .set("address", text("Postal address or city and country"))
                .set("links", list(link))
                .build();
        ObjectNode job = object()
                .set("company", text("Employer"))
                .set("position", text("Job title"))
                .set("start_date", text(DATE))
                .set("end_date", text(DATE + "; null while current"))
                .set("is_current", NODES.objectNode().put("type", "boolean")
                        .put("description", "True when the resume says the job continues (present, now, till date)"))
                .set("description", text("A paragraph about the job that is not a bullet"))
                .set("responsibilities", strings("The job's bullets, each as written"))
                .set("skills", strings("Skills named for this job"))
                .build();
        ObjectNode school = object()
                .set("institution", text("School, college or university"))
                .set("degree", text("Degree or qualification, e.g. Bachelor of Science, MBA"))
                .set("field_of_study", text("Subject, e.g. Computer Science"))
                .set("graduation_date", text(DATE))
                .set("gpa", NODES.objectNode().<ObjectNode>set("type", NODES.arrayNode().add("number").add("null"))
                        .put("description", "The grade average as a number; null if none"))
                .set("honors", strings("Honours and awards of this education"))
                .set("relevant_courses", strings("Courses listed"))
                .set("skills", strings("Skills named for this education"))
                .build();
        ObjectNode certification = object()
                .set("name", text("Certificate or licence"))
                .set("issuer", text("Who issued it"))
                .set("date_obtained", text(DATE))
                .set("expiration_date", text(DATE))
                .set("credential_id", text("Credential or licence number"))
                .build();
        return object()
                .set("contact_info", contact)
                .set("summary", text("The profile or summary paragraph"))
                .set("work_experience", list(job))
                .set("education", list(school))
                .set("certifications", list(certification))
                .set("skills", strings("Skills and tools, one per item, as short names; not spoken languages"))
                .build();
    }

    /** An object schema whose properties are all required and the only ones allowed. */
    private static ObjectSchema object() {
        return new ObjectSchema();
    }

    private static ObjectNode text(String description) {
        ObjectNode node = NODES.objectNode();
        node.set("type", NODES.arrayNode().add("string").add("null"));
        node.put("description", description);
        return node;
    }

    private static ObjectNode strings(String description) {
        ObjectNode node = list(NODES.objectNode().put("type", "string"));
        node.put("description", description);
        return node;
    }

    private static ObjectNode list(ObjectNode items) {
        ObjectNode node = NODES.objectNode().put("type", "array");
        node.set("items", items);
        return node;
    }

    private static final class ObjectSchema {

        private final ObjectNode properties = NODES.objectNode();

        ObjectSchema set(String name, ObjectNode schema) {
            properties.set(name, schema);
            return this;
        }

        ObjectNode build() {
            ObjectNode node = NODES.objectNode().put("type", "object");
            node.set("properties", properties);
            node.set("required", NODES.arrayNode().addAll(properties.properties().stream()
                    .map(e -> NODES.textNode(e.getKey())).toList()));
            node.put("additionalProperties", false);
            return node;
        }
    }
}
