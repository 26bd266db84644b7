package io.atspro.shared;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * The error contract of every operation, written into the OpenAPI document at build time so that generated clients
 * see what the API really answers: each operation lists the problem+json errors it can give (with an example of
 * each), derived from what it takes (a body, parameters, a path id) and how it is secured, plus the specific ones its
 * resource method declares with {@code @APIResponse} (409, 413, 415, quota 429, 502, 503).
 *
 * <p>Admin operations keep the role in their security requirement ({@code bearer: [admin]}: OpenAPI 3.1 lets
 * non-OAuth schemes list the roles an operation needs) and say it in their description and 403.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiContractFilter implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String SCHEME = "bearer";
    static final String ADMIN_ROLE = "admin";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String PROBLEM_REF = SCHEMAS + PROBLEM;
    private static final String RESPONSES = "#/components/responses/";
    private static final String MULTIPART = "multipart/form-data";

    private record SharedError(int status, String description) {
    }

    /** The errors many operations answer alike, as reusable responses (sorted: the document is the same each build). */
    private static final Map<String, SharedError> SHARED_RESPONSES = new TreeMap<>(Map.of(
            "BadRequest", new SharedError(400, "The body or a parameter is invalid; errors names each bad field"),
            "Unauthorized", new SharedError(401, "No valid bearer token"),
            "Forbidden", new SharedError(403, "The token does not identify an ATSPro user"),
            "AdminRoleRequired", new SharedError(403, "The token lacks the admin role"),
            "NotFound", new SharedError(404, "Not found, or not the caller's"),
            "UnsupportedMediaType", new SharedError(415, "The Content-Type is not one the operation takes"),
            "TooManyRequests", new SharedError(429, "Too many requests; Retry-After says when to try again"),
            "ServiceUnavailable", new SharedError(503, "A service it needs (database, storage) is unavailable; retry later")));
    /**
     * Jackson's tree types, which merge patches, JSON Resume imports and free-form fields (offer details, resume
     * data extras) are read into: to a client they are any JSON value, or a JSON object.
     */
    private static final Map<String, String> JACKSON_TREE_SCHEMAS = Map.of(
            "JsonNode", "JsonValue", "ObjectNode", "JsonObject", "ArrayNode", "JsonValue");
    /** Pages of records whose simple names say little on their own (their own schemas are renamed by @Schema). */
    private static final Map<String, String> RENAMED_PAGES = new TreeMap<>(Map.of(
            "PageSummary", "PageBrowserSession", "PageSession", "PageUserSession"));

    @Override
    public void filterOpenAPI(OpenAPI api) {
        api.getComponents().addSchema(PROBLEM, problemSchema());
        api.getComponents().addSchema("FieldError", fieldErrorSchema());
        SHARED_RESPONSES.forEach((name, error) -> api.getComponents().addResponse(name,
                OASFactory.createAPIResponse().description(error.description())
                        .content(problemContent(error.status(), error.description()))));
        for (Map.Entry<String, PathItem> path : api.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                contract(path.getKey(), entry.getValue());
            }
        }
        RENAMED_PAGES.forEach((from, to) -> {
            Schema page = api.getComponents().getSchemas().get(from);
            if (page != null) {
                api.getComponents().removeSchema(from);
                api.getComponents().addSchema(to, page);
            }
        });
        JACKSON_TREE_SCHEMAS.keySet().forEach(api.getComponents()::removeSchema);
        api.getComponents().removeSchema("JsonNodeType");
        api.getComponents().addSchema("JsonValue", OASFactory.createSchema().description("Any JSON value"));
        api.getComponents().addSchema("JsonObject", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .additionalPropertiesBoolean(true).description("A JSON object; for PATCH a JSON merge patch "
                        + "(RFC 7396): absent fields stay, null clears"));
    }

    private void contract(String path, Operation operation) {
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean admin = secured && operation.getSecurity().stream().anyMatch(requirement -> requires(requirement, ADMIN_ROLE));
        if (admin) {
            operation.setDescription("Requires the `" + ADMIN_ROLE + "` role. " + operation.getDescription());
        }
        boolean hasBody = operation.getRequestBody() != null;
        if (hasBody) {
            requireUploadedFile(operation.getRequestBody().getContent());
        }
        boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        APIResponses responses = operation.getResponses();
        // what the security filter generated carries no body: replaced below
        responses.removeAPIResponse("401");
        responses.removeAPIResponse("403");
        if (responses.hasAPIResponse("400") && responses.getAPIResponse("400").getContent() == null) {
            responses.removeAPIResponse("400");
        }
        Map<String, String> shared = new TreeMap<>();
        if (hasBody || hasParameters) {
            shared.put("400", "BadRequest");
        }
        if (secured) {
            shared.put("401", "Unauthorized");
            shared.put("403", admin ? "AdminRoleRequired" : "Forbidden");
            shared.put("429", "TooManyRequests");
        }
        if (path.contains("{")) {
            shared.put("404", "NotFound");
        }
        if (hasBody) {
            shared.put("415", "UnsupportedMediaType");
        }
        shared.put("503", "ServiceUnavailable");
        shared.forEach((status, name) -> {
            if (!responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(RESPONSES + name));
            }
        });
        for (String code : List.copyOf(responses.getAPIResponses().keySet())) {
            APIResponse response = responses.getAPIResponse(code);
            if ((code.startsWith("4") || code.startsWith("5")) && response.getRef() == null) {
                // an operation's own error (409, 413, quota 429, …): its description, the problem body
                response.setContent(problemContent(Integer.parseInt(code), response.getDescription()));
            }
        }
        // numeric order reads best in every viewer
        Map<String, APIResponse> sorted = new TreeMap<>(responses.getAPIResponses());
        responses.setAPIResponses(new LinkedHashMap<>(sorted));
    }

    /**
     * Every upload answers 400 without its {@code file} part; the form schema built from {@code @RestForm} leaves it
     * optional, and a generated client would then send a form without it (or fail on a null before sending).
     */
    private static void requireUploadedFile(Content content) {
        MediaType form = content == null ? null : content.getMediaType(MULTIPART);
        Schema schema = form == null ? null : form.getSchema();
        if (schema != null && schema.getProperties() != null && schema.getProperties().containsKey("file")
                && (schema.getRequired() == null || !schema.getRequired().contains("file"))) {
            schema.addRequired("file");
        }
    }

    @Override
    public Schema filterSchema(Schema schema) {
        String ref = schema.getRef();
        if (ref != null && ref.startsWith(SCHEMAS)) {
            String name = ref.substring(SCHEMAS.length());
            String renamed = JACKSON_TREE_SCHEMAS.getOrDefault(name, RENAMED_PAGES.get(name));
            if (renamed != null) {
                schema.setRef(SCHEMAS + renamed);
            }
        }
        return schema;
    }

    private static Content problemContent(int status, String detail) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", reason(status));
        example.put("status", status);
        example.put("detail", detail);
        if (status == 400) {
            example.put("errors", List.of(Map.of("field", "title", "message", "must not be blank")));
        }
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_REF))
                .example(example));
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 413 -> "Request Entity Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document: every error the API answers is one")
                .addProperty("type", string("A URI naming the problem type; about:blank when only the status says it"))
                .addProperty("title", string("The status's reason phrase"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("The HTTP status"))
                .addProperty("detail", string("What went wrong, for a person"))
                .addProperty("instance", string("The path of the request"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("Each invalid field of the request (400 only)")
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .required(List.of("type", "title", "status"));
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One invalid field of a request")
                .addProperty("field", string("A JSON path such as target_salary_min or achievements[2], or a parameter name"))
                .addProperty("message", string("What is wrong with it"))
                .required(List.of("field", "message"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }

    private static boolean requires(SecurityRequirement requirement, String role) {
        return requirement.getScheme(SCHEME) != null && requirement.getScheme(SCHEME).contains(role);
    }
}
