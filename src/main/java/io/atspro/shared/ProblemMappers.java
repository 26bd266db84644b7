package io.atspro.shared;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become {@code application/problem+json}. Nothing here echoes an
 * exception's class, stack or SQL to the client: unexpected failures are logged with a reference the
 * client gets instead.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.of(Response.Status.BAD_REQUEST, "The request has invalid fields")
                .withErrors(errors).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri) {
        return Problem.of(Response.Status.BAD_REQUEST, "The request has invalid fields")
                .withErrors(e.errors()).withInstance(uri.getPath()).toResponse();
    }

    // Listed one by one: Quarkus ships its own mapper for MismatchedInputException, which would otherwise win.
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class})
    public Response json(JsonProcessingException e, UriInfo uri) {
        return jsonProblem(e).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response notFound(ResourceNotFoundException e, UriInfo uri) {
        return Problem.of(Response.Status.NOT_FOUND, e.getMessage()).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage()).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e, UriInfo uri) {
        return Problem.of(Response.Status.TOO_MANY_REQUESTS, e.getMessage()).withInstance(uri.getPath())
                .toResponseBuilder().header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response quota(QuotaExceededException e, UriInfo uri) {
        return Problem.of(Response.Status.TOO_MANY_REQUESTS, e.getMessage()).withInstance(uri.getPath())
                .toResponseBuilder().header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response upstream(UpstreamFailureException e, UriInfo uri) {
        LOG.warnf("%s on %s: %s", e.getMessage(), uri.getPath(), e.getCause() == null ? "" : e.getCause().getMessage());
        return Problem.of(Response.Status.BAD_GATEWAY, e.getMessage()).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response tooLarge(PayloadTooLargeException e, UriInfo uri) {
        return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage()).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unsupported(UnsupportedContentException e, UriInfo uri) {
        return Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, e.getMessage()).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailableException e, UriInfo uri) {
        LOG.warnf("%s on %s: %s", e.getMessage(), uri.getPath(), e.getCause() == null ? "" : e.getCause().getMessage());
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage()).withInstance(uri.getPath())
                .toResponseBuilder().header(HttpHeaders.RETRY_AFTER, 5).build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Problem.of(Response.Status.UNAUTHORIZED, "A valid bearer token is required")
                .withInstance(uri.getPath()).toResponseBuilder()
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        String detail = e.getMessage() != null && !e.getMessage().isBlank() && !e.getMessage().startsWith("Forbidden")
                ? e.getMessage() : "Your role does not allow this request";
        return Problem.of(Response.Status.FORBIDDEN, detail).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return jsonProblem(json).withInstance(uri.getPath()).toResponse();
        }
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        Response.ResponseBuilder builder = Problem.of(status, webDetail(status.getStatusCode(), uri))
                .withInstance(uri.getPath()).toResponseBuilder();
        // Allow on 405, Retry-After on 503, WWW-Authenticate on 401 stay meaningful.
        for (String header : List.of(HttpHeaders.ALLOW, HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE)) {
            Object value = original.getHeaders().getFirst(header);
            if (value != null) {
                builder.header(header, value);
            }
        }
        return builder.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        SQLException sql = sqlCause(e);
        if (sql != null && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            if (state.startsWith("08") || state.equals("57P01") || state.equals("57P03")) {
                LOG.warnf("Database unavailable on %s: %s", uri.getPath(), sql.getMessage());
                return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "The database is unavailable; retry shortly")
                        .withInstance(uri.getPath()).toResponseBuilder().header(HttpHeaders.RETRY_AFTER, 5).build();
            }
            if (state.equals("23505") || state.equals("23503")) {
                return Problem.of(Response.Status.CONFLICT, "The request conflicts with existing data")
                        .withInstance(uri.getPath()).toResponse();
            }
            if (state.equals("23514") || state.equals("22001") || state.equals("22003") || state.equals("22008")) {
                return Problem.of(Response.Status.BAD_REQUEST, "A value is out of its allowed range")
                        .withInstance(uri.getPath()).toResponse();
            }
            // a NUL character (JSON \u0000, URL %00) in text or JSONB: PostgreSQL cannot store it
            if (state.equals("22021") || state.equals("22P05")) {
                return Problem.of(Response.Status.BAD_REQUEST, "A value contains a character that cannot be stored (NUL)")
                        .withInstance(uri.getPath()).toResponse();
            }
        }
        if (e instanceof WebApplicationException wae) {
            return webApplication(wae, uri);
        }
        if (e instanceof IllegalArgumentException && e.getMessage() != null
                && e.getMessage().startsWith("Failed to parse media type")) {
            // RESTEasy Reactive parses Content-Type to pick between several @Consumes of one route
            return Problem.of(Response.Status.BAD_REQUEST, "The Content-Type header is not a media type")
                    .withInstance(uri.getPath()).toResponse();
        }
        if (e instanceof java.io.IOException && e.getMessage() != null && e.getMessage().contains("multipart")) {
            // Vert.x could not decode the body as the multipart/form-data its Content-Type announced
            return Problem.of(Response.Status.BAD_REQUEST, "The multipart body is malformed")
                    .withInstance(uri.getPath()).toResponse();
        }
        if (e instanceof java.io.IOException && "Request too large".equals(e.getMessage())) {
            // a chunked body past quarkus.http.limits.max-body-size: Vert.x has answered 413 already
            return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "The request body is too large")
                    .withInstance(uri.getPath()).toResponse();
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", reference, uri.getPath());
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; reference " + reference).withInstance(uri.getPath()).toResponse();
    }

    private static String webDetail(int status, UriInfo uri) {
        return switch (status) {
            case 404 -> "No resource at " + uri.getPath();
            case 405 -> "This method is not allowed on " + uri.getPath();
            case 406 -> "None of the accepted media types can be produced";
            case 415 -> "This media type is not supported here";
            case 400 -> "The request is malformed";
            default -> Response.Status.fromStatusCode(status) != null
                    ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Request failed";
        };
    }

    private static Problem jsonProblem(JsonProcessingException e) {
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            return Problem.of(Response.Status.BAD_REQUEST, "The body is not valid JSON" + where);
        }
        String field = pathOf(mapping);
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (e instanceof InvalidFormatException invalid) {
            message = "must be " + describe(invalid.getTargetType());
        } else if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            message = "must be " + describe(mismatched.getTargetType());
        } else {
            message = "has an invalid value";
        }
        if (field.isEmpty()) {
            return Problem.of(Response.Status.BAD_REQUEST, "The body does not have the expected shape: " + message);
        }
        return Problem.of(Response.Status.BAD_REQUEST, "The request has invalid fields")
                .withErrors(List.of(new Problem.FieldError(field, message)));
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                names.add(constant.toString());
            }
            return "one of " + names;
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class) {
            return type == Integer.class || type == int.class || type == Long.class || type == long.class
                    ? "a whole number" : "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (java.util.Map.class.isAssignableFrom(type) || com.fasterxml.jackson.databind.JsonNode.class.isAssignableFrom(type)
                || type.isRecord()) {
            return "an object";
        }
        return "a valid value";
    }

    /** {@code create.request.skillName} → {@code skill_name}; list elements keep their index. */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder property = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getName() != null && !node.getName().startsWith("<")) {
                    if (!property.isEmpty()) {
                        property.append('.');
                    }
                    property.append(snake(node.getName()));
                }
                if (node.getIndex() != null) {
                    property.append('[').append(node.getIndex()).append(']');
                }
            }
        }
        if (!property.isEmpty()) {
            return property.toString();
        }
        return parameter == null ? "body" : snake(parameter);
    }

    static String snake(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
