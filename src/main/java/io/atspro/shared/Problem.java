package io.atspro.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem document. Every error the API answers is one of these, written by
 * {@link ProblemMappers}; {@code errors} names each bad field of a request.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection(targets = {Problem.class, Problem.FieldError.class})
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    /** One invalid field: a JSON path such as {@code target_salary_min} or {@code achievements[2]}. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(Response.StatusType status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null, null);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }

    public Response.ResponseBuilder toResponseBuilder() {
        return Response.status(status).type(MEDIA).entity(this);
    }

    public Response toResponse() {
        return toResponseBuilder().build();
    }
}
