package io.atspro.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * No bearer token on an API route is 401 before anything else is looked at: before a resource is chosen, so before
 * content negotiation (a wrong Accept was 406, a wrong Content-Type 415) and before the body is read, and as the
 * same problem document the resources answer. A token that fails verification is refused by the HTTP permission
 * ({@code quarkus.http.auth.permission.api}), its failure written here alike.
 *
 * <p>Not refused here: CORS preflights (browsers send them without credentials), the routes the HTTP permission
 * {@code public-api} opens (the calendar feed, whose URL is its secret; where a web client logs in, read before
 * login) and the notification stream opened with a ticket (the resource redeems it).
 */
@ApplicationScoped
class UnauthenticatedProblems {

    /** Runs before the security handlers and the REST layer, after the CORS filter. */
    static final int ORDER = -1_000;

    private final Buffer body;
    /** The routes open without a token, as the HTTP permission names them ({@code /x/*}: under {@code /x/}). */
    private final List<String> publicPaths;

    UnauthenticatedProblems(ObjectMapper json,
                            @ConfigProperty(name = "quarkus.http.auth.permission.public-api.paths") List<String> publicPaths)
            throws JsonProcessingException {
        this.body = Buffer.buffer(json.writeValueAsBytes(
                Problem.of(Response.Status.UNAUTHORIZED, "A valid bearer token is required")));
        this.publicPaths = List.copyOf(publicPaths);
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(this::requireToken);
        router.route("/api/*").order(ORDER).failureHandler(this::failedAuthentication);
    }

    private void requireToken(RoutingContext context) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        // another scheme (Basic, …) is no token either: no mechanism here reads it
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) || exempt(context)) {
            context.next();
            return;
        }
        refuse(context);
    }

    private void failedAuthentication(RoutingContext context) {
        Throwable failure = context.failure();
        if ((failure instanceof UnauthorizedException || failure instanceof AuthenticationFailedException)
                && !context.response().headWritten()) {
            refuse(context);
            return;
        }
        context.next();
    }

    private boolean exempt(RoutingContext context) {
        String path = context.normalizedPath();
        return context.request().method() == HttpMethod.OPTIONS
                || publicPaths.stream().anyMatch(open -> open.endsWith("/*")
                        ? path.startsWith(open.substring(0, open.length() - 1)) : path.equals(open))
                || path.equals("/api/v1/notifications/stream") && context.request().getParam("ticket") != null;
    }

    private void refuse(RoutingContext context) {
        context.response().setStatusCode(401)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .end(body);
    }
}
