package io.atspro.shared;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document as generated clients read it: stable operation ids, schema names that mean something, the
 * role admin operations need, and the problem+json errors each operation can answer. (spectral's {@code oas} rules
 * run on the same document in CI; this test keeps what they cannot check.)
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Set<String> VERBS = Set.of("get", "put", "post", "patch", "delete");
    private static final Pattern OPERATION_ID = Pattern.compile("[a-z]+[A-Z][A-Za-z]*");
    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Z][A-Za-z]*");
    private static final Pattern PROPERTY_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    /** Names that say nothing on their own in a generated client's model package. */
    private static final Set<String> MEANINGLESS = Set.of("Create", "Search", "Start", "Patch", "Detail", "Item",
            "Listing", "Status", "Summary", "Result", "Report", "Request", "Response", "Page", "JsonNode", "ObjectNode",
            "JsonNodeType", "Session");
    /** Needs no token: the calendar feed (its URL is its secret) and where a web client logs in. */
    private static final Set<String> PUBLIC = Set.of("/api/v1/calendar/{token}.ics", "/api/v1/client-config");

    private static JsonNode doc;

    @BeforeEach
    void fetch() throws IOException {
        if (doc != null) {
            return;
        }
        doc = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
    }

    @Test
    void operationIdsAreTheCommittedOnesUniqueAndVerbFirst() throws IOException {
        List<String> actual = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        forEachOperation((method, path, operation) -> {
            String id = operation.path("operationId").asText("");
            assertThat(id).as("operationId of %s %s", method, path).matches(OPERATION_ID);
            assertThat(ids.add(id)).as("%s is used once", id).isTrue();
            assertThat(operation.path("summary").asText("")).as("summary of %s", id).isNotBlank();
            assertThat(operation.path("description").asText("")).as("description of %s", id).isNotBlank();
            actual.add(id + " " + method.toUpperCase() + " " + path);
        });
        assertThat(new TreeSet<>(actual))
                .as("operation ids are what clients call: a change to them is a breaking change of the API "
                        + "(update src/test/resources/openapi/operation-ids.txt only on purpose)")
                .containsExactlyElementsOf(committedOperationIds());
    }

    @Test
    void schemasHaveMeaningfulUniqueNamesSnakeCasePropertiesAndEveryReferenceResolves() {
        JsonNode schemas = doc.path("components").path("schemas");
        for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = it.next();
            assertThat(schema.getKey()).matches(SCHEMA_NAME).isNotIn(MEANINGLESS);
            schema.getValue().path("properties").fieldNames().forEachRemaining(property ->
                    assertThat(property).as("property of %s as the JSON names it", schema.getKey())
                            .matches(PROPERTY_NAME));
        }
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/components/");
            String[] parts = ref.substring(2).split("/");
            assertThat(doc.path(parts[0]).path(parts[1]).has(parts[2])).as("%s resolves", ref).isTrue();
        }
    }

    @Test
    void everyOperationButThePublicFeedNeedsABearerTokenAndAdminOnesDeclareTheRole() {
        JsonNode schemes = doc.path("components").path("securitySchemes");
        assertThat(schemes.path("bearer").path("scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.path("oidc").path("type").asText()).isEqualTo("openIdConnect");
        assertThat(schemes.path("oidc").path("openIdConnectUrl").asText())
                .isEqualTo(ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class)
                        .replaceAll("/$", "") + "/.well-known/openid-configuration");
        forEachOperation((method, path, operation) -> {
            JsonNode security = operation.path("security");
            if (PUBLIC.contains(path)) {
                assertThat(security.isMissingNode() || security.isEmpty()).isTrue();
                return;
            }
            // a bearer token, or (served at run time, for Swagger UI) a login at the configured provider
            assertThat(security).as("security of %s %s", method, path).hasSize(2);
            Set<String> required = new HashSet<>();
            security.get(0).fieldNames().forEachRemaining(required::add);
            assertThat(required).containsExactly("bearer");
            assertThat(security.get(1).path("oidc").isArray()).isTrue();
            List<String> roles = new ArrayList<>();
            security.get(0).get("bearer").forEach(role -> roles.add(role.asText()));
            boolean admin = path.startsWith("/api/v1/admin/");
            assertThat(roles).as("roles of %s %s", method, path).isEqualTo(admin ? List.of("admin") : List.of());
            assertThat(operation.path("responses").path("403").path("$ref").asText())
                    .endsWith(admin ? "/AdminRoleRequired" : "/Forbidden");
            if (admin) {
                assertThat(operation.path("description").asText()).startsWith("Requires the `admin` role.");
            }
        });
    }

    @Test
    void everyOperationListsTheProblemErrorsItCanAnswerWithExamples() {
        forEachOperation((method, path, operation) -> {
            JsonNode responses = operation.path("responses");
            Set<String> codes = new TreeSet<>();
            responses.fieldNames().forEachRemaining(codes::add);
            String what = method.toUpperCase() + " " + path;
            assertThat(codes).as("a success answer of %s", what).anyMatch(code -> code.startsWith("2"));
            boolean body = operation.has("requestBody");
            boolean parameters = operation.path("parameters").size() > 0;
            if (!PUBLIC.contains(path)) {
                assertThat(codes).as(what).contains("401", "403", "429");
            }
            if (path.contains("{")) {
                assertThat(codes).as(what).contains("404");
            }
            if (body || parameters) {
                assertThat(codes).as(what).contains("400");
            }
            if (body) {
                assertThat(codes).as(what).contains("415");
            }
            for (String code : codes) {
                if (code.startsWith("4") || code.startsWith("5")) {
                    JsonNode response = resolve(responses.get(code));
                    assertThat(response.path("description").asText()).as("%s %s", what, code).isNotBlank();
                    JsonNode problem = response.path("content").path("application/problem+json");
                    assertThat(problem.path("schema").path("$ref").asText()).as("%s %s", what, code)
                            .isEqualTo("#/components/schemas/Problem");
                    assertThat(problem.path("example").path("status").asInt()).as("%s %s example", what, code)
                            .isEqualTo(Integer.parseInt(code));
                }
            }
        });
    }

    @Test
    void swaggerUiIsServedAndLogsInAsTheWebClientWithPkce() {
        String config = given().get("/q/swagger-ui/index.html").then().statusCode(200).extract().asString();
        assertThat(config).contains("atspro-web").contains("usePkceWithAuthorizationCodeGrant");
    }

    @Test
    void uploadsRequireTheirFilePart() {
        List<String> uploads = new ArrayList<>();
        forEachOperation((method, path, operation) -> {
            JsonNode form = operation.path("requestBody").path("content").path("multipart/form-data").path("schema");
            if (form.path("properties").has("file")) {
                uploads.add(operation.path("operationId").asText());
                assertThat(form.path("required")).as("required parts of %s", uploads.get(uploads.size() - 1))
                        .extracting(JsonNode::asText).contains("file");
            }
        });
        assertThat(uploads).contains("uploadResume", "uploadDocument", "importArangoExport");
    }

    @Test
    void theDocumentDescribesTheApiAndServesItWhereItIsFetched() {
        assertThat(doc.path("info").path("description").asText()).contains("problem");
        assertThat(doc.path("info").path("contact").path("name").asText()).isNotBlank();
        assertThat(doc.path("servers").get(0).path("url").asText()).isEqualTo("/");
    }

    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText(null);
        if (ref == null) {
            return node;
        }
        String[] parts = ref.substring(2).split("/");
        return doc.path(parts[0]).path(parts[1]).path(parts[2]);
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    private static List<String> committedOperationIds() throws IOException {
        try (InputStream in = OpenApiContractTest.class.getResourceAsStream("/openapi/operation-ids.txt")) {
            assertThat(in).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).sorted().toList();
        }
    }

    private interface OperationVisitor {
        void visit(String method, String path, JsonNode operation);
    }

    private static void forEachOperation(OperationVisitor visitor) {
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (VERBS.contains(operation.getKey())) {
                visitor.visit(operation.getKey(), path.getKey(), operation.getValue());
            }
        }));
    }
}
